using Microsoft.Azure.Functions.Worker;
using Mnet.Workflows;
using Mnet.Workflows.Activities.Operations;

namespace Mnet.Functions.Workflows;

/// <summary>Activities that follow long-running operations and resources (Activities/Operations).</summary>
public static class OperationActivityFunctions
{
    [Function(WorkflowNames.PollOperation)]
    public static Task<PollOperationOutput> PollOperationAsync([ActivityTrigger] PollOperationInput input, FunctionContext context) =>
        WorkflowActivities.Create<PollOperationActivity>(context).RunAsync(input);

    [Function(WorkflowNames.ReadResourcePresence)]
    public static Task<ResourcePresence> ReadResourcePresenceAsync([ActivityTrigger] ReadResourcePresenceInput input, FunctionContext context) =>
        WorkflowActivities.Create<ReadResourcePresenceActivity>(context).RunAsync(input);
}
