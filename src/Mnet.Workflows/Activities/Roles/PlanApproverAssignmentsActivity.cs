using Mnet.Arm;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Roles;

/// <summary>Every user-defined private endpoint rule's target needs the approver role: the planner decides which.</summary>
public sealed class PlanApproverAssignmentsActivity(IArmClient arm, WorkflowSettings settings)
    : IWorkflowActivity<PlanApproverAssignmentsInput, PlanApproverAssignmentsOutput>
{
    public async Task<PlanApproverAssignmentsOutput> RunAsync(PlanApproverAssignmentsInput input)
    {
        var workspace = await arm.GetWorkspaceAsync(input.WorkspaceId);
        var targets = (await arm.ListOutboundRulesAsync(input.WorkspaceId))
            .Select(r => r.Properties)
            .OfType<PrivateEndpointOutboundRule>()
            .Where(r => !string.Equals(r.Category, "Required", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Destination)
            .ToList();
        var plan = ApproverRolePlanner.Plan(workspace, targets, input.Policy.ApproverRoles, input.SubscriptionsInScope,
            settings.CustomApproverRoles, settings.TenantId);
        return new PlanApproverAssignmentsOutput(plan.Assignments, plan.Warnings.Select(w => w.Message).ToList());
    }
}
