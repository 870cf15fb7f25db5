using Mnet.Core.Planning;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities;

/// <summary>Planning is pure; it runs as an activity so the plan is computed once and recorded in history.</summary>
public sealed class PlanWorkspaceActivity(WorkflowSettings settings) : IWorkflowActivity<PlanWorkspaceInput, Plan>
{
    public Task<Plan> RunAsync(PlanWorkspaceInput input) =>
        Task.FromResult(Planner.Plan(input.Policy, input.State, new PlanContext
        {
            Now = input.Now,
            SubscriptionsInScope = input.SubscriptionsInScope,
            TenantId = settings.TenantId,
            // Assignments of the infra-created custom approver roles count as present.
            CustomApproverRoles = settings.CustomApproverRoles,
        }));
}
