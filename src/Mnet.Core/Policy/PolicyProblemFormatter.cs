using System.Globalization;

namespace Mnet.Core.Policy;

/// <summary>One line per problem, as compilers print them: <c>file:line:col path: message [rule]</c>.</summary>
public static class PolicyProblemFormatter
{
    public static string Format(PolicyProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var location = new List<string>();
        if (!string.IsNullOrEmpty(problem.Source)) location.Add(problem.Source);
        if (problem.Line is { } line)
        {
            location.Add(line.ToString(CultureInfo.InvariantCulture));
            if (problem.Column is { } column) location.Add(column.ToString(CultureInfo.InvariantCulture));
        }
        var head = string.Join(' ', new[] { string.Join(':', location), problem.Path }.Where(x => x != ""));
        var warning = problem.Severity == ProblemSeverity.Warning ? "warning: " : "";
        var body = $"{warning}{problem.Message} [{problem.Rule}]";
        return head == "" ? body : $"{head}: {body}";
    }
}
