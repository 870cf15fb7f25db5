using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Randomness;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Network;

/// <summary>
/// A virtual network as GET returns it (2024-05-01 examples): subnets and peerings inline with their ids, types and
/// provisioning states; each subnet lists the private endpoints in it (<c>privateEndpoints</c>, read-only); a
/// peering's <c>peeringState</c> is Connected once the remote VNet peers back, Initiated until then, Disconnected
/// when the remote VNet is gone.
/// </summary>
public static class VirtualNetworkView
{
    public static JsonObject Decorate(EmulatorState state, JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(view);
        var id = view.Str("id") ?? string.Empty;
        var props = view.Child("properties");
        props["resourceGuid"] ??= DerivedGuid.From($"vnet:{id.ToLowerInvariant()}");
        props["enableDdosProtection"] ??= false;
        props["subnets"] = new JsonArray([.. Array(props, "subnets").Select(s => (JsonNode)Subnet(state, id, s))]);
        props["virtualNetworkPeerings"] = new JsonArray([.. Array(props, "virtualNetworkPeerings").Select(p => (JsonNode)Peering(state, id, p))]);
        return view;
    }

    /// <summary>One subnet as GET returns it (also the body of GET {vnet}/subnets/{name}).</summary>
    public static JsonObject Subnet(EmulatorState state, string vnetId, JsonObject stored)
    {
        var subnet = stored.CloneObject();
        var id = $"{vnetId}/subnets/{subnet.Str("name")}";
        subnet["id"] = id;
        subnet["type"] = NetworkTypes.Subnet;
        var props = subnet.Child("properties");
        props["provisioningState"] = "Succeeded";
        props["privateEndpointNetworkPolicies"] ??= "Disabled";
        props["privateLinkServiceNetworkPolicies"] ??= "Enabled";
        var endpoints = state.Resources.Live
            .Where(r => NetworkTypes.Is(r.Str("type"), NetworkTypes.PrivateEndpoint)
                && string.Equals(r.Obj("properties").Obj("subnet").Str("id"), id, StringComparison.OrdinalIgnoreCase))
            .Select(r => (JsonNode)new JsonObject { ["id"] = r.Str("id") })
            .ToList();
        if (endpoints.Count > 0)
        {
            props["privateEndpoints"] = new JsonArray([.. endpoints]);
        }

        return subnet;
    }

    /// <summary>One peering as GET returns it, its state worked out from the remote VNet.</summary>
    public static JsonObject Peering(EmulatorState state, string vnetId, JsonObject stored)
    {
        var peering = stored.CloneObject();
        peering["id"] = $"{vnetId}/virtualNetworkPeerings/{peering.Str("name")}";
        peering["type"] = NetworkTypes.Peering;
        var props = peering.Child("properties");
        props["provisioningState"] = "Succeeded";
        props["allowVirtualNetworkAccess"] ??= true;
        var remote = state.Resources.Get(props.Obj("remoteVirtualNetwork").Str("id") ?? string.Empty);
        var peersBack = remote is not null && Array(remote.Obj("properties"), "virtualNetworkPeerings").Any(p =>
            string.Equals(p.Obj("properties").Obj("remoteVirtualNetwork").Str("id"), vnetId, StringComparison.OrdinalIgnoreCase));
        props["peeringState"] = remote is null ? "Disconnected" : peersBack ? "Connected" : "Initiated";
        props["peeringSyncLevel"] = peersBack ? "FullyInSync" : "RemoteNotInSync";
        if (remote?.Obj("properties").Obj("addressSpace") is { } space)
        {
            props["remoteAddressSpace"] = space.DeepClone();
            props["remoteVirtualNetworkAddressSpace"] = space.DeepClone();
        }

        return peering;
    }

    /// <summary>The objects of an array property (none when absent).</summary>
    public static IEnumerable<JsonObject> Array(JsonObject? parent, string name) =>
        parent?[name] is JsonArray list ? list.OfType<JsonObject>() : [];
}
