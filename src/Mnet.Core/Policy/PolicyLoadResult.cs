namespace Mnet.Core.Policy;

/// <summary>
/// Either a policy (Ok) or the errors that refuse it; warnings in both cases. Validation failed iff
/// <see cref="Problems"/> is non-empty.
/// </summary>
public sealed record PolicyLoadResult
{
    public Policy? Policy { get; init; }
    public IReadOnlyList<PolicyProblem> Problems { get; init; } = [];
    public IReadOnlyList<PolicyProblem> Warnings { get; init; } = [];
    public bool Ok => Policy is not null && Problems.Count == 0;
}
