using Mnet.Core.Catalog;
using Mnet.Core.Resources;
using Mnet.Emulator.Http;

namespace Mnet.Emulator.Ml.Model;

/// <summary>Reading a workspace PUT/PATCH body: modes, transitions, firewall SKU, network kind, public access.</summary>
public static class WorkspaceInput
{
    /// <summary>Properties the service computes: ignored when a client sends them back.</summary>
    public static IReadOnlySet<string> ReadOnlyProperties { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "managedNetwork", "provisioningState", "workspaceId", "discoveryUrl", "mlFlowTrackingUri", "notebookInfo",
        "privateLinkCount", "serviceProvisionedResourceGroup", "storageHnsEnabled", "tenantId",
        "privateEndpointConnections", "provisionNetworkNow",
    };

    /// <summary>managedNetworkKind values (2025-09-01 ManagedNetworkKind).</summary>
    public static IReadOnlyList<string> NetworkKinds { get; } = ["V1", "V2"];

    public static IsolationMode ParseIsolationMode(string? value)
    {
        foreach (var mode in Enum.GetValues<IsolationMode>())
        {
            if (mode.ToString().Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        throw ArmErrors.Validation(
            $"Invalid isolationMode '{value}'. Use {string.Join(", ", Enum.GetNames<IsolationMode>())}.",
            "properties.managedNetwork.isolationMode");
    }

    /// <summary>The service refuses Disabled after enabling and approved -> internet outbound (catalog).</summary>
    public static void CheckModeTransition(IsolationMode from, IsolationMode to)
    {
        if (from != to && IsolationModes.FindModeTransition(from, to) is { Allowed: false } t)
        {
            throw ArmErrors.Validation(t.Reason, "properties.managedNetwork.isolationMode");
        }
    }

    public static string ParseFirewallSku(string? value) =>
        OutboundRules.FirewallSkus.FirstOrDefault(s => s.ArmValue.Equals(value, StringComparison.OrdinalIgnoreCase))?.ArmValue
        ?? throw ArmErrors.Validation(
            $"firewallSku '{value}' is not supported. Use {string.Join(" or ", OutboundRules.FirewallSkus.Select(s => s.ArmValue))} (Premium is not supported).",
            "properties.managedNetwork.firewallSku");

    public static string ParsePublicNetworkAccess(string? value) => value is "Enabled" or "Disabled"
        ? value
        : throw ArmErrors.Validation($"publicNetworkAccess must be Enabled or Disabled, not '{value}'.",
            "properties.publicNetworkAccess");

    /// <summary>V1 or V2; a V2 network cannot go back to V1 (the emulator's reading of the V2 migration).</summary>
    public static string ParseNetworkKind(string? value, string current)
    {
        var kind = NetworkKinds.FirstOrDefault(k => k.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.Validation($"managedNetworkKind '{value}' is not supported. Use V1 or V2.",
                "properties.managedNetwork.managedNetworkKind");
        if (current == "V2" && kind == "V1")
        {
            throw ArmErrors.Validation("A managed network of kind V2 cannot be changed back to V1.",
                "properties.managedNetwork.managedNetworkKind");
        }

        return kind;
    }
}
