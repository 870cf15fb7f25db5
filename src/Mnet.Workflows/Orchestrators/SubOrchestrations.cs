using Microsoft.DurableTask;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// Sub-orchestrations get ids derived from their parent's (<c>{parent}:{purpose}</c>): deterministic across replays,
/// and never a second start over a live instance, which the real host drops while the parent waits forever. One
/// instance per workspace is the parents' rule (onboarding, creation and migration run under per-workspace ids).
/// </summary>
public static class SubOrchestrations
{
    public static string ChildId(TaskOrchestrationContext context, InstancePurpose purpose) =>
        $"{context.InstanceId}:{purpose.ToString().ToLowerInvariant()}";

    public static Task<ProvisionNetworkOutput> ProvisionNetworkAsync(TaskOrchestrationContext context, ProvisionNetworkInput input) =>
        context.CallSubOrchestratorAsync<ProvisionNetworkOutput>(WorkflowNames.ProvisionNetwork, input,
            new SubOrchestrationOptions { InstanceId = ChildId(context, InstancePurpose.Provision) });

    public static Task<AssignApproverRolesOutput> AssignApproverRolesAsync(TaskOrchestrationContext context, AssignApproverRolesInput input) =>
        context.CallSubOrchestratorAsync<AssignApproverRolesOutput>(WorkflowNames.AssignApproverRoles, input,
            new SubOrchestrationOptions { InstanceId = ChildId(context, InstancePurpose.Roles) });

    public static Task<MigrateComputesOutput> MigrateComputesAsync(TaskOrchestrationContext context, MigrateComputesInput input) =>
        context.CallSubOrchestratorAsync<MigrateComputesOutput>(WorkflowNames.MigrateComputes, input,
            new SubOrchestrationOptions { InstanceId = ChildId(context, InstancePurpose.Migrate) });
}
