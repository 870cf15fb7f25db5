using Mnet.Arm;
using Mnet.Arm.Recreate;
using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Bench.Migration;

/// <summary>
/// The baseline (TS bench/migration/sequential.ts): what an <c>az ml</c> script does, one call at a time with the
/// same ARM client: each delete (waited for), the network (mode, rules, provisioning), then each create (waited for).
/// </summary>
public static class SequentialScript
{
    public static async Task<int> RunAsync(IArmClient arm, string workspaceId, Policy policy)
    {
        var computes = await arm.ListComputesAsync(workspaceId);
        var endpoints = await arm.ListOnlineEndpointsAsync(workspaceId);
        foreach (var c in computes) await arm.DeleteComputeAndWaitAsync($"{workspaceId}/computes/{c.Name}");
        foreach (var e in endpoints) await arm.WaitForOperationAsync(await arm.BeginDeleteOnlineEndpointAsync($"{workspaceId}/onlineEndpoints/{e.Name}"));
        await arm.PatchWorkspaceNetworkAsync(workspaceId, new WorkspaceNetworkPatch
        {
            Properties = new WorkspaceNetworkPatchProperties { ManagedNetwork = new ManagedNetworkPatch { IsolationMode = IsolationMode.AllowOnlyApprovedOutbound } },
        });
        foreach (var rule in policy.ManagedNetwork.OutboundRules.OfType<PolicyFqdnRule>())
        {
            await arm.PutOutboundRuleAsync(workspaceId, rule.Name, new FqdnOutboundRule { Category = "UserDefined", Destination = rule.Destination });
        }

        await arm.ProvisionManagedNetworkAndWaitAsync(workspaceId);
        foreach (var c in computes) await arm.CreateComputeAndWaitAsync($"{workspaceId}/computes/{c.Name}", ComputeRecreate.Body(c, insideManagedNetwork: true));
        foreach (var e in endpoints)
        {
            await arm.WaitForOperationAsync(await arm.BeginCreateOnlineEndpointAsync($"{workspaceId}/onlineEndpoints/{e.Name}", OnlineEndpointRecreate.Plan(e).Body));
        }

        return computes.Count + endpoints.Count;
    }
}
