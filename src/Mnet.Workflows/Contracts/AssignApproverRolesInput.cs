using Mnet.Core.Planning;

namespace Mnet.Workflows.Contracts;

/// <summary>Input of <see cref="WorkflowNames.AssignApproverRoles"/>.</summary>
public sealed record AssignApproverRolesInput
{
    public required string WorkspaceId { get; init; }
    /// <summary>Subscriptions the app is configured for: targets outside them get no assignment.</summary>
    public IReadOnlyList<string>? Subscriptions { get; init; }
    /// <summary>From the plan's assign-approver-roles step; when null they are computed from the workspace and policy.</summary>
    public IReadOnlyList<ApproverAssignment>? Assignments { get; init; }
    public Core.Policy.Policy? Policy { get; init; }
    /// <summary>Wait for the private endpoint rules to those targets to become Active (false when provisioning follows).</summary>
    public bool ConfirmActive { get; init; }
    /// <summary>Bound on that wait; null: <see cref="WorkflowTimings.ConfirmTimeout"/>.</summary>
    public int? ConfirmTimeoutMinutes { get; init; }
    public RequestMetadata? Request { get; init; }
    public WorkflowTimings? Timings { get; init; }
}
