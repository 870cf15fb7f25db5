using Mnet.Core.Planning;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Migration;

/// <summary>Input of <see cref="WorkflowNames.MigrateComputes"/>.</summary>
public sealed record MigrateComputesInput
{
    public required string WorkspaceId { get; init; }
    public required Core.Policy.Policy Policy { get; init; }
    public required RequestMetadata Request { get; init; }
    /// <summary>Null: a new GUID from the orchestration. The snapshots live under it; resumeMigration needs it.</summary>
    public string? MigrationId { get; init; }
    /// <summary>Everything planned and recorded, nothing written (snapshots included).</summary>
    public bool DryRun { get; init; }
    /// <summary>Overrides policy.compute_migration.approval_timeout_hours.</summary>
    public double? ApprovalTimeoutHours { get; init; }
    /// <summary>Approval the caller already obtained (the onboarding asked once for the whole plan).</summary>
    public ApprovalDecision? Approval { get; init; }
    /// <summary>
    /// The plan steps to apply between the deletes and the recreation (mode, access, firewall, rules, roles,
    /// provisioning), given by the onboarding; null: planned here. Which computes are migrated is always planned
    /// here, from the workspace as it is now.
    /// </summary>
    public IReadOnlyList<PlanStep>? NetworkSteps { get; init; }
    /// <summary>Subscriptions the app is configured for (the plan refuses a workspace elsewhere).</summary>
    public IReadOnlyList<string>? Subscriptions { get; init; }
    /// <summary>Null: <see cref="WorkflowTimings.Production"/>.</summary>
    public WorkflowTimings? Timings { get; init; }
}
