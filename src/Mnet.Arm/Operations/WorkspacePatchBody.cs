using System.Text.Json.Nodes;
using Mnet.Core.Resources;

namespace Mnet.Arm.Operations;

/// <summary>
/// The body of a workspace network PATCH, rebuilt field by field so that nothing but the network settings can reach
/// the service (never GET-modify-PUT).
/// ASSUMPTION (unverified): how the real service merges NESTED objects in a workspace PATCH is not documented; it
/// might replace <c>properties.managedNetwork</c>, dropping what the body leaves out. So an empty managedNetwork is
/// never sent, and when one is sent it carries the current isolationMode, firewallSku and managedNetworkKind the
/// patch does not set.
/// </summary>
public static class WorkspacePatchBody
{
    /// <summary>True when the patch sets at least one managed-network field (an empty managedNetwork sets none).</summary>
    public static bool TouchesManagedNetwork(WorkspaceNetworkPatch patch) =>
        patch.Properties.ManagedNetwork is { } network &&
        (network.IsolationMode is not null || network.FirewallSku is not null || network.ManagedNetworkKind is not null);

    /// <param name="current">The workspace's managed network as just read; its values are re-sent unless patched.</param>
    public static JsonObject Build(WorkspaceNetworkPatch patch, ManagedNetworkSettings? current = null)
    {
        var source = patch.Properties;
        var properties = new JsonObject();
        if (TouchesManagedNetwork(patch))
        {
            var wanted = source.ManagedNetwork!;
            var network = new JsonObject();
            if ((wanted.IsolationMode ?? current?.IsolationMode) is { } mode) network["isolationMode"] = mode.ToString();
            if ((wanted.FirewallSku ?? current?.FirewallSku) is { } sku) network["firewallSku"] = sku;
            if ((wanted.ManagedNetworkKind ?? current?.ManagedNetworkKind) is { } kind) network["managedNetworkKind"] = kind;
            properties["managedNetwork"] = network;
        }
        if (source.PublicNetworkAccess is { } access) properties["publicNetworkAccess"] = access;
        // An empty string is meaningful: it switches image builds back to the default.
        if (source.ImageBuildCompute is { } compute) properties["imageBuildCompute"] = compute;
        return new JsonObject { ["properties"] = properties };
    }

    /// <summary>Names of the user-defined rules of a workspace as read (rules being deleted do not count); null when the view has no rules.</summary>
    public static IReadOnlyList<string>? UserDefinedRuleNames(Workspace workspace) =>
        workspace.Properties.ManagedNetwork?.OutboundRules is { } rules
            ? rules.Where(r => IsLiveUserRule(r.Value)).Select(r => r.Key).ToArray()
            : null;

    public static bool IsLiveUserRule(OutboundRule rule) => rule.Category == "UserDefined" && rule.Status != "Deleting";
}
