using Mnet.Arm.Models;

namespace Mnet.Workflows.Activities.Creation;

/// <param name="ProvisionNetworkNow">The service provisions the network as part of the creation.</param>
/// <param name="ProvisionAfterRoles">The orchestrator provisions after the roles (Spark, or approver roles needed first).</param>
public sealed record WorkspaceCreationPlan(
    string WorkspaceId,
    WorkspaceCreateBody Body,
    IReadOnlyList<DependencyPlan> Dependencies,
    bool ProvisionNetworkNow,
    bool ProvisionAfterRoles,
    IReadOnlyList<DeferredRule> DeferredRules,
    IReadOnlyList<string> Warnings);
