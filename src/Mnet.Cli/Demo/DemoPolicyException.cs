using Mnet.Core.Policy;

namespace Mnet.Cli.Demo;

/// <summary>The policy given to the demo is not valid: its problems, one per line.</summary>
public sealed class DemoPolicyException(string path, IReadOnlyList<PolicyProblem> problems)
    : Exception($"{path} is not a valid policy ({problems.Count} problem(s))")
{
    public IReadOnlyList<PolicyProblem> Problems { get; } = problems;
}
