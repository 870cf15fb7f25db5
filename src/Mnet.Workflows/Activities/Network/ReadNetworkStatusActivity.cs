using Mnet.Arm;
using Mnet.Core.Resources;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Network;

public sealed class ReadNetworkStatusActivity(IArmClient arm) : IWorkflowActivity<ReadNetworkStatusInput, NetworkStatus>
{
    public async Task<NetworkStatus> RunAsync(ReadNetworkStatusInput input)
    {
        var workspace = await arm.GetWorkspaceAsync(input.WorkspaceId);
        var network = workspace.Properties.ManagedNetwork;
        var rules = new List<RuleStatus>();
        if (input.Rules)
        {
            foreach (var resource in await arm.ListOutboundRulesAsync(input.WorkspaceId))
            {
                var rule = resource.Properties;
                rules.Add(new RuleStatus(resource.Name, rule.Type, rule.Category, rule.Status,
                    (rule as PrivateEndpointOutboundRule)?.Destination.ServiceResourceId));
            }
        }

        return new NetworkStatus(
            network?.IsolationMode ?? IsolationMode.Disabled,
            network?.Status?.Status ?? "Inactive",
            network?.Status?.SparkReady == true,
            workspace.Properties.ProvisioningState,
            rules);
    }
}
