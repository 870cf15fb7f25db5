using Microsoft.Azure.Functions.Worker;
using Mnet.Workflows;
using Mnet.Workflows.Activities.Roles;
using Mnet.Workflows.Contracts;

namespace Mnet.Functions.Workflows;

/// <summary>Activities that plan and assign the approver roles (Activities/Roles).</summary>
public static class RoleActivityFunctions
{
    [Function(WorkflowNames.PlanApproverAssignments)]
    public static Task<PlanApproverAssignmentsOutput> PlanApproverAssignmentsAsync([ActivityTrigger] PlanApproverAssignmentsInput input, FunctionContext context) =>
        WorkflowActivities.Create<PlanApproverAssignmentsActivity>(context).RunAsync(input);

    [Function(WorkflowNames.ResolveCustomApproverRole)]
    public static Task<ResolveCustomApproverRoleOutput> ResolveCustomApproverRoleAsync([ActivityTrigger] ResolveCustomApproverRoleInput input, FunctionContext context) =>
        WorkflowActivities.Create<ResolveCustomApproverRoleActivity>(context).RunAsync(input);

    [Function(WorkflowNames.AssignApproverRole)]
    public static Task<AssignedRole> AssignApproverRoleAsync([ActivityTrigger] AssignApproverRoleInput input, FunctionContext context) =>
        WorkflowActivities.Create<AssignApproverRoleActivity>(context).RunAsync(input);
}
