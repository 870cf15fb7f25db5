using Microsoft.Azure.Functions.Worker;
using Mnet.Arm.Lro;
using Mnet.Workflows;
using Mnet.Workflows.Activities.Network;

namespace Mnet.Functions.Workflows;

/// <summary>Activities that read and write a workspace's managed network (Activities/Network).</summary>
public static class NetworkActivityFunctions
{
    [Function(WorkflowNames.ReadNetworkStatus)]
    public static Task<NetworkStatus> ReadNetworkStatusAsync([ActivityTrigger] ReadNetworkStatusInput input, FunctionContext context) =>
        WorkflowActivities.Create<ReadNetworkStatusActivity>(context).RunAsync(input);

    [Function(WorkflowNames.PatchWorkspaceNetwork)]
    public static Task<PatchWorkspaceNetworkOutput> PatchWorkspaceNetworkAsync([ActivityTrigger] PatchWorkspaceNetworkInput input, FunctionContext context) =>
        WorkflowActivities.Create<PatchWorkspaceNetworkActivity>(context).RunAsync(input);

    [Function(WorkflowNames.PutOutboundRule)]
    public static Task<RuleWriteOutput> PutOutboundRuleAsync([ActivityTrigger] PutOutboundRuleInput input, FunctionContext context) =>
        WorkflowActivities.Create<PutOutboundRuleActivity>(context).RunAsync(input);

    [Function(WorkflowNames.DeleteOutboundRule)]
    public static Task<RuleWriteOutput> DeleteOutboundRuleAsync([ActivityTrigger] DeleteOutboundRuleInput input, FunctionContext context) =>
        WorkflowActivities.Create<DeleteOutboundRuleActivity>(context).RunAsync(input);

    [Function(WorkflowNames.StartProvisionNetwork)]
    public static Task<LroHandle?> StartProvisionNetworkAsync([ActivityTrigger] StartProvisionNetworkInput input, FunctionContext context) =>
        WorkflowActivities.Create<StartProvisionNetworkActivity>(context).RunAsync(input);
}
