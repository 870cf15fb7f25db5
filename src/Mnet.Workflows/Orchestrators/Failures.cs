using System.Text.RegularExpressions;
using Microsoft.DurableTask;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// Turns what a failed activity or sub-orchestration throws into the orchestrator into a code and one line for the
/// step record: ARM's code when the activity's ArmException carried it (<see cref="ArmFailureProperties"/>), else a
/// bracketed code at the start of the message (<see cref="WorkflowFailureException"/>), else the exception's type.
/// </summary>
public static partial class Failures
{
    public const string ActivityFailed = "ActivityFailed";

    public static OrchestrationError Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is TaskFailedException { FailureDetails: { } details })
        {
            string message = FirstLine(details.ErrorMessage);
            string code = ArmCode(details) ?? CodeFromMessage(message) ?? ShortTypeName(details.ErrorType) ?? ActivityFailed;
            return new OrchestrationError(code, StripCode(message));
        }

        if (error is WorkflowFailureException failure)
        {
            return new OrchestrationError(failure.Code, FirstLine(failure.Reason));
        }

        string text = FirstLine(error.Message);
        return new OrchestrationError(CodeFromMessage(text) ?? ShortTypeName(error.GetType().FullName) ?? ActivityFailed, StripCode(text));
    }

    /// <summary>Fails the orchestration with <paramref name="code"/>: <c>throw Failures.Orchestration(...)</c>.</summary>
    public static WorkflowFailureException Orchestration(string code, string message) => new(code, message);

    static string? ArmCode(TaskFailureDetails details)
    {
        for (TaskFailureDetails? d = details; d is not null; d = d.InnerFailure)
        {
            if (d.Properties is { } properties &&
                properties.TryGetValue(ArmFailureProperties.CodeKey, out object? value) &&
                value?.ToString() is { Length: > 0 } code)
            {
                return code;
            }
        }

        return null;
    }

    static string? CodeFromMessage(string message)
    {
        var match = BracketCode().Match(message);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>"[Code] text" reads "text" in the record (the code has its own field).</summary>
    static string StripCode(string message)
    {
        var match = LeadingCode().Match(message);
        return match.Success ? message[match.Length..] : message;
    }

    static string? ShortTypeName(string? fullName)
    {
        if (string.IsNullOrEmpty(fullName)) return null;
        string name = fullName[(fullName.LastIndexOf('.') + 1)..];
        return name.EndsWith("Exception", StringComparison.Ordinal) && name.Length > "Exception".Length
            ? name[..^"Exception".Length]
            : name;
    }

    /// <summary>The reason without a stack trace appended after it.</summary>
    static string FirstLine(string? message)
    {
        string text = (message ?? string.Empty).Trim();
        int newline = text.IndexOf('\n');
        string line = (newline < 0 ? text : text[..newline]).Trim();
        return line.Length > 0 ? line : text;
    }

    [GeneratedRegex(@"\[([A-Z][A-Za-z0-9.-]*)\]")]
    private static partial Regex BracketCode();

    [GeneratedRegex(@"^\[[A-Z][A-Za-z0-9.-]*\]\s*")]
    private static partial Regex LeadingCode();
}
