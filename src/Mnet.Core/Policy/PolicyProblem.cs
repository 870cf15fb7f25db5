namespace Mnet.Core.Policy;

/// <summary>One problem found in a policy file: where it is and which rule forbids it.</summary>
/// <param name="Path">e.g. <c>managed_network.outbound_rules[2] (name: pypi)</c>.</param>
/// <param name="Rule">Stable rule id documented in docs/policy.md, e.g. <c>fqdn-ports</c>.</param>
public sealed record PolicyProblem(string Path, string Message, string Rule)
{
    public int? Line { get; init; }
    public int? Column { get; init; }
    public ProblemSeverity Severity { get; init; } = ProblemSeverity.Error;
    /// <summary>File name (or other source label) the problem was found in.</summary>
    public string? Source { get; init; }
}
