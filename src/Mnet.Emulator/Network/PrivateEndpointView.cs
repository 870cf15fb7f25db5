using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Randomness;

namespace Mnet.Emulator.Network;

/// <summary>
/// A private endpoint as GET returns it (2024-05-01 example PrivateEndpointGet): its connections with ids, types
/// and states (the one place a connection's state lives), a network interface, empty DNS/IP configuration lists.
/// </summary>
public static class PrivateEndpointView
{
    public static JsonObject Decorate(JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var id = view.Str("id") ?? string.Empty;
        var name = view.Str("name") ?? string.Empty;
        var props = view.Child("properties");
        var guid = DerivedGuid.From($"pe:{id.ToLowerInvariant()}");
        props["resourceGuid"] ??= guid;
        foreach (var key in new[] { "privateLinkServiceConnections", "manualPrivateLinkServiceConnections" })
        {
            props[key] = new JsonArray([.. VirtualNetworkView.Array(props, key).Select(c => (JsonNode)Connection(id, c))]);
        }

        var rg = id[..Math.Max(0, id.IndexOf("/providers/", StringComparison.OrdinalIgnoreCase))];
        props["networkInterfaces"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{rg}/providers/{NetworkTypes.NetworkInterface}/{name}.nic.{guid[..8]}",
        });
        props["customDnsConfigs"] ??= new JsonArray();
        props["ipConfigurations"] ??= new JsonArray();
        props["applicationSecurityGroups"] ??= new JsonArray();
        props["customNetworkInterfaceName"] ??= string.Empty;
        return view;
    }

    private static JsonObject Connection(string endpointId, JsonObject stored)
    {
        var connection = stored.CloneObject();
        connection["id"] = $"{endpointId}/privateLinkServiceConnections/{connection.Str("name")}";
        connection["type"] = NetworkTypes.PrivateLinkServiceConnection;
        connection.Child("properties")["provisioningState"] = "Succeeded";
        return connection;
    }
}
