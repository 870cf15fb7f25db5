using System.Text.Json.Nodes;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Network;

/// <summary>Direct (non-HTTP) builders for scenarios and tests: what a PUT would store.</summary>
public static class NetworkSeed
{
    /// <summary>A VNet with named subnets (name, address prefix); returns its id.</summary>
    public static string VirtualNetwork(EmulatorState state, string subscriptionId, string resourceGroup, string name,
        string location, string addressPrefix, params (string Name, string Prefix)[] subnets)
    {
        ArgumentNullException.ThrowIfNull(state);
        var id = $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{NetworkTypes.VirtualNetwork}/{name}";
        state.PutResource(new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["type"] = NetworkTypes.VirtualNetwork,
            ["location"] = location,
            ["tags"] = new JsonObject(),
            ["properties"] = new JsonObject
            {
                ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(addressPrefix) },
                ["subnets"] = new JsonArray([.. subnets.Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["properties"] = new JsonObject { ["addressPrefix"] = s.Prefix },
                })]),
                ["virtualNetworkPeerings"] = new JsonArray(),
            },
        });
        return id;
    }

    /// <summary>Peers two stored VNets both ways (Connected).</summary>
    public static void Peer(EmulatorState state, string vnetA, string vnetB)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (from, to) in new[] { (vnetA, vnetB), (vnetB, vnetA) })
        {
            var vnet = state.Resources.Get(from) ?? throw new ArgumentException($"No VNet '{from}'.", nameof(vnetA));
            var peerings = (JsonArray)vnet["properties"]!["virtualNetworkPeerings"]!;
            peerings.Add(new JsonObject
            {
                ["name"] = $"to-{to[(to.LastIndexOf('/') + 1)..]}",
                ["properties"] = new JsonObject
                {
                    ["remoteVirtualNetwork"] = new JsonObject { ["id"] = to },
                    ["allowVirtualNetworkAccess"] = true,
                },
            });
        }
    }

    /// <summary>A private endpoint in a subnet with one connection to a target (approved unless a status is given).</summary>
    public static string PrivateEndpoint(EmulatorState state, string subscriptionId, string resourceGroup, string name,
        string location, string subnetId, string targetId, string groupId, string status = PrivateLinkConnections.Approved)
    {
        ArgumentNullException.ThrowIfNull(state);
        var id = $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{NetworkTypes.PrivateEndpoint}/{name}";
        var manual = status != PrivateLinkConnections.Approved;
        var connection = new JsonObject
        {
            ["name"] = name,
            ["properties"] = new JsonObject
            {
                ["privateLinkServiceId"] = targetId,
                ["groupIds"] = new JsonArray(groupId),
                ["privateLinkServiceConnectionState"] =
                    PrivateLinkConnections.StateObject(status, manual ? "Awaiting approval" : "Auto-Approved"),
            },
        };
        state.PutResource(new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["type"] = NetworkTypes.PrivateEndpoint,
            ["location"] = location,
            ["tags"] = new JsonObject(),
            ["properties"] = new JsonObject
            {
                ["subnet"] = new JsonObject { ["id"] = subnetId },
                ["privateLinkServiceConnections"] = manual ? new JsonArray() : new JsonArray(connection),
                ["manualPrivateLinkServiceConnections"] = manual ? new JsonArray(connection) : new JsonArray(),
            },
        });
        return id;
    }
}
