using Microsoft.DurableTask;
using Mnet.Core.Resources;
using Mnet.Workflows.Activities.Network;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Orchestrators;

namespace Mnet.Workflows.Migration.Phases;

/// <summary>
/// Computes may only be created in a provisioned managed network: when the mode is managed and the network is not
/// Active (or Spark is wanted and not ready), it is provisioned first (the provisionNetwork sub-orchestration).
/// </summary>
public static class NetworkReadinessPhase
{
    public static async Task<NetworkReadiness> EnsureAsync(
        TaskOrchestrationContext context, WorkflowTimings timings, string workspaceId, Core.Policy.Policy? policy, RequestMetadata request)
    {
        var status = await context.CallWorkflowActivityAsync<NetworkStatus>(
            WorkflowNames.ReadNetworkStatus, new ReadNetworkStatusInput(workspaceId, Rules: true), timings);
        if (status.IsolationMode == IsolationMode.Disabled)
        {
            return new NetworkReadiness(true, false, "no managed network: computes are recreated as they were", false);
        }

        bool includeSpark = policy?.Provisioning.IncludeSpark == true;
        if (string.Equals(status.Status, "Active", StringComparison.OrdinalIgnoreCase) && (!includeSpark || status.SparkReady))
        {
            return new NetworkReadiness(true, true, "managed network already Active", false);
        }

        bool hasFqdn = status.Rules.Any(r => string.Equals(r.Type, "FQDN", StringComparison.OrdinalIgnoreCase));
        try
        {
            var result = await SubOrchestrations.ProvisionNetworkAsync(context, new ProvisionNetworkInput
            {
                WorkspaceId = workspaceId,
                IncludeSpark = includeSpark,
                TimeoutMinutes = ProvisioningTimeouts.Minutes(policy, hasFqdn),
                Request = request,
                Timings = timings,
            });
            return new NetworkReadiness(true, true, $"managed network Active after {result.Polls} check(s)", true);
        }
        catch (TaskFailedException e)
        {
            var failure = Failures.Describe(e);
            return new NetworkReadiness(false, true, $"{failure.Code}: {failure.Message}", false);
        }
    }

    /// <summary>Whether the managed network is on, without provisioning anything (a failed migration's undo).</summary>
    public static async Task<bool> IsManagedAsync(TaskOrchestrationContext context, WorkflowTimings timings, string workspaceId)
    {
        var status = await context.CallWorkflowActivityAsync<NetworkStatus>(
            WorkflowNames.ReadNetworkStatus, new ReadNetworkStatusInput(workspaceId, Rules: false), timings);
        return status.IsolationMode != IsolationMode.Disabled;
    }
}
