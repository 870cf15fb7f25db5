using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Lro;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Network;

/// <summary>
/// Starts manual provisioning of the managed network; the orchestrator polls on durable timers. Reads first: a network
/// already Active (with Spark ready when asked) needs no request, so a redelivered start after the provisioning
/// finished sends nothing (null: nothing to poll). A redelivery while it runs sends the request again, which joins
/// the running operation.
/// </summary>
public sealed class StartProvisionNetworkActivity(IArmClient arm, ILogger<StartProvisionNetworkActivity> log) : IWorkflowActivity<StartProvisionNetworkInput, LroHandle?>
{
    public async Task<LroHandle?> RunAsync(StartProvisionNetworkInput input)
    {
        var status = (await arm.GetWorkspaceAsync(input.WorkspaceId)).Properties.ManagedNetwork?.Status;
        if (status?.Status == "Active" && (!input.IncludeSpark || status.SparkReady == true)) return null;
        var handle = await arm.BeginProvisionManagedNetworkAsync(input.WorkspaceId, input.IncludeSpark);
        log.LogInformation("managed network provisioning requested{Spark} ({WorkspaceId})", input.IncludeSpark ? " (with Spark)" : "", input.WorkspaceId);
        return handle with { ResultJson = null };
    }
}
