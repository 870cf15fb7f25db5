namespace Mnet.Core.Policy;

/// <summary>
/// A policy after loading and validation, defaults applied. The file uses snake_case keys and
/// <c>managed_network</c> has exactly the shape of the <c>az ml</c> workspace YAML (docs/policy.md).
/// This record is the contract between the policy loader, the planner and the drift evaluator.
/// </summary>
public sealed record Policy
{
    /// <summary>Name shown in reports; defaults to the file name.</summary>
    public required string Name { get; init; }
    public required PolicyScope Scope { get; init; }
    public required PolicyManagedNetwork ManagedNetwork { get; init; }
    public IReadOnlyList<string> RulePacks { get; init; } = [];
    public PolicyRulePackOptions RulePackOptions { get; init; } = new();
    public PolicyProvisioning Provisioning { get; init; } = new();
    public PolicyComputeMigration ComputeMigration { get; init; } = new();
    public PolicyApproverRoles ApproverRoles { get; init; } = new();
    /// <summary>"enabled" or "disabled"; null leaves the workspace's setting alone.</summary>
    public string? PublicNetworkAccess { get; init; }
    /// <summary>Null leaves it alone; "" resets to none.</summary>
    public string? ImageBuildCompute { get; init; }
    public PolicyDrift Drift { get; init; } = new();
}
