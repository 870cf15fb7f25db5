namespace Mnet.Workflows.Contracts;

/// <summary>Input of <see cref="WorkflowNames.OnboardWorkspace"/>: bring one workspace to its policy.</summary>
public sealed record OnboardWorkspaceInput
{
    public required string WorkspaceId { get; init; }
    /// <summary>Subscriptions the app is configured for: nothing outside them is written (role assignments included).</summary>
    public IReadOnlyList<string>? Subscriptions { get; init; }
    public required Core.Policy.Policy Policy { get; init; }
    public bool DryRun { get; init; }
    public required RequestMetadata Request { get; init; }
    /// <summary>Overrides the policy's approval timeout (hours).</summary>
    public double? ApprovalTimeoutHours { get; init; }
    /// <summary>Null: <see cref="WorkflowTimings.Production"/>.</summary>
    public WorkflowTimings? Timings { get; init; }
}
