using Mnet.Core.Planning;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities;

/// <summary>Planning is pure; it runs as an activity so the plan is computed once and recorded in history.</summary>
public sealed class PlanWorkspaceActivity(WorkflowSettings settings) : IWorkflowActivity<PlanWorkspaceInput, Plan>
{
    public Task<Plan> RunAsync(PlanWorkspaceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = Planner.Plan(input.Policy, input.State, new PlanContext
        {
            Now = input.Now,
            SubscriptionsInScope = input.SubscriptionsInScope,
            TenantId = settings.TenantId,
            // Assignments of the infra-created custom approver roles count as present.
            CustomApproverRoles = settings.CustomApproverRoles,
        });

        // Whoever started the onboarding (an event knows only the id), the scope is decided on the workspace as read:
        // tags and kinds included. Out of scope is a refusal, never a warning the steps run past.
        var scope = ScopeCheck.IsInScope(input.Policy, input.State.Workspace);
        return Task.FromResult(scope.InScope || plan.IsRefused
            ? plan
            : plan with
            {
                Compliant = false,
                Steps = [],
                EstimatedMinutes = 0,
                Refused = new PlanRefusal(ScopeCheck.OutOfScopeCode,
                    $"The workspace is outside the scope of policy \"{input.Policy.Name}\": {scope.Reason}."),
            });
    }
}
