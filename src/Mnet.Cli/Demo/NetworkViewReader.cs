using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Cli.Report;
using Mnet.Core.Resources;

namespace Mnet.Cli.Demo;

/// <summary>A workspace's managed network as the report shows it, read through the ARM client (never from expectations).</summary>
public static class NetworkViewReader
{
    /// <summary>Null when the workspace does not exist (yet).</summary>
    public static async Task<NetworkView?> ReadAsync(IArmClient arm, string workspaceId, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        Workspace ws;
        try
        {
            ws = await arm.GetWorkspaceAsync(workspaceId, cancellationToken);
        }
        catch (ArmNotFoundException)
        {
            return null;
        }

        var network = ws.Properties.ManagedNetwork;
        var rules = (await arm.ListOutboundRulesAsync(workspaceId, cancellationToken)).Select(r => RuleOf(r.Name, r.Properties));
        var computes = (await arm.ListComputesAsync(workspaceId, cancellationToken))
            .Select(c => new ComputeView(c.Name, c.Properties.ComputeType, c.Properties.ProvisioningState));
        var endpoints = (await arm.ListOnlineEndpointsAsync(workspaceId, cancellationToken)).Select(e => e.Name);
        return new NetworkView
        {
            ReadAt = readAt,
            IsolationMode = (network?.IsolationMode ?? IsolationMode.Disabled).ToString(),
            FirewallSku = network?.FirewallSku,
            PublicNetworkAccess = ws.Properties.PublicNetworkAccess,
            NetworkStatus = network?.Status?.Status,
            SparkReady = network?.Status?.SparkReady,
            Rules = [.. rules.OrderBy(r => r.Name, StringComparer.Ordinal)],
            Computes = [.. computes.OrderBy(c => c.Name, StringComparer.Ordinal)],
            OnlineEndpoints = [.. endpoints.Order(StringComparer.Ordinal)],
        };
    }

    public static RuleView RuleOf(string name, OutboundRule rule) => rule switch
    {
        FqdnOutboundRule f => new RuleView(name, rule.Type, f.Destination, rule.Category, rule.Status),
        ServiceTagOutboundRule s => new RuleView(name, rule.Type,
            $"{s.Destination.ServiceTag} {s.Destination.Protocol} {s.Destination.PortRanges}", rule.Category, rule.Status),
        PrivateEndpointOutboundRule p => new RuleView(name, rule.Type, p.Destination.ServiceResourceId, rule.Category, rule.Status,
            TargetOf(p.Destination)),
        _ => new RuleView(name, rule.Type, "", rule.Category, rule.Status),
    };

    static RuleTarget TargetOf(PrivateEndpointDestination d) =>
        ResourceId.TryParse(d.ServiceResourceId, out var id)
            ? new RuleTarget(d.ServiceResourceId, id.Name ?? d.ServiceResourceId, id.ResourceType ?? "", d.SubresourceTarget, d.SparkEnabled)
            : new RuleTarget(d.ServiceResourceId, d.ServiceResourceId, "", d.SubresourceTarget, d.SparkEnabled);
}
