using Microsoft.Azure.Functions.Worker;
using Mnet.Core.Planning;
using Mnet.Workflows;
using Mnet.Workflows.Activities;
using Mnet.Workflows.Activities.State;

namespace Mnet.Functions.Workflows;

/// <summary>Activities that read a workspace and plan it (Mnet.Workflows.Activities).</summary>
public static class StateActivityFunctions
{
    [Function(WorkflowNames.ReadWorkspaceState)]
    public static Task<ReadWorkspaceStateOutput> ReadWorkspaceStateAsync([ActivityTrigger] ReadWorkspaceStateInput input, FunctionContext context) =>
        WorkflowActivities.Create<ReadWorkspaceStateActivity>(context).RunAsync(input);

    [Function(WorkflowNames.PlanWorkspace)]
    public static Task<Plan> PlanWorkspaceAsync([ActivityTrigger] PlanWorkspaceInput input, FunctionContext context) =>
        WorkflowActivities.Create<PlanWorkspaceActivity>(context).RunAsync(input);
}
