using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Network;

/// <summary>
/// Microsoft.Network/privateEndpoints. A PUT needs an existing subnet in a VNet of the endpoint's region and
/// existing targets; connections in <c>privateLinkServiceConnections</c> are approved at once (Auto-Approved),
/// those in <c>manualPrivateLinkServiceConnections</c> wait (Pending) for the target's owner. A re-PUT keeps the
/// state of a connection it keeps (same name and target). Answers are synchronous (see VirtualNetworkHandlers).
/// </summary>
public static class PrivateEndpointHandlers
{
    private static readonly string[] ConnectionKinds = ["privateLinkServiceConnections", "manualPrivateLinkServiceConnections"];

    public static EmuResponse ListAll(HandlerContext ctx, RouteParams p) =>
        NetworkWrites.List(ctx, NetworkTypes.PrivateEndpoint, $"/subscriptions/{p["sub"]}/");

    public static EmuResponse List(HandlerContext ctx, RouteParams p) =>
        NetworkWrites.List(ctx, NetworkTypes.PrivateEndpoint, $"/subscriptions/{p["sub"]}/resourceGroups/{p["rg"]}/");

    public static EmuResponse Get(HandlerContext ctx, RouteParams p)
    {
        var id = NetworkIds.Endpoint(ctx, p);
        var endpoint = ctx.State.Resources.Get(id);
        return NetworkTypes.Is(endpoint.Str("type"), NetworkTypes.PrivateEndpoint)
            ? NetworkWrites.Answer(ctx.State, 200, endpoint!)
            : throw ArmErrors.ResourceNotFound(NetworkTypes.PrivateEndpoint, id);
    }

    public static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var id = NetworkIds.Endpoint(ctx, p);
        var existing = ctx.State.Resources.Get(id);
        MlRequests.CheckPreconditions(ctx, existing.Str("etag"));
        var body = ctx.Request.BodyObject();
        var location = NetworkWrites.Location(body, existing);
        var props = NetworkWrites.WritableProperties(body.Obj("properties"));
        CheckSubnet(ctx.State, id, location, props.Obj("subnet").Str("id"));
        var count = 0;
        foreach (var kind in ConnectionKinds)
        {
            var connections = Connections(ctx.State, id, props, existing, kind);
            count += connections.Count;
            props[kind] = new JsonArray([.. connections]);
        }

        if (count == 0)
        {
            throw ArmErrors.BadRequest("InvalidRequestFormat",
                "A private endpoint needs at least one connection in privateLinkServiceConnections or manualPrivateLinkServiceConnections.",
                "properties.privateLinkServiceConnections");
        }

        var record = new JsonObject
        {
            ["id"] = existing.Str("id") ?? id,
            ["name"] = existing.Str("name") ?? p["pe"],
            ["type"] = NetworkTypes.PrivateEndpoint,
            ["location"] = location,
            ["tags"] = ResourceGroupsArea.StringTags(body.Obj("tags")),
            ["etag"] = ctx.State.NewEtag(),
            ["properties"] = props,
        };
        ctx.State.PutResource(record);
        return NetworkWrites.Answer(ctx.State, existing is null ? 201 : 200, record);
    }

    public static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var id = NetworkIds.Endpoint(ctx, p);
        return NetworkTypes.Is(ctx.State.Resources.Get(id).Str("type"), NetworkTypes.PrivateEndpoint) && ctx.State.Resources.Remove(id)
            ? new EmuResponse(200)
            : EmuResponse.NoContent();
    }

    private static void CheckSubnet(EmulatorState state, string endpointId, string location, string? subnetId)
    {
        if (string.IsNullOrEmpty(subnetId))
        {
            throw ArmErrors.BadRequest("InvalidRequestFormat", "A private endpoint needs properties.subnet.id.", "properties.subnet");
        }

        var vnet = state.Resources.Get(NetworkIds.VnetOfSubnet(subnetId) ?? string.Empty);
        var name = subnetId[(subnetId.LastIndexOf('/') + 1)..];
        var exists = NetworkTypes.Is(vnet.Str("type"), NetworkTypes.VirtualNetwork)
            && VirtualNetworkView.Array(vnet.Obj("properties"), "subnets")
                .Any(s => string.Equals(s.Str("name"), name, StringComparison.OrdinalIgnoreCase));
        if (!exists || !string.Equals(vnet.Str("location"), location, StringComparison.OrdinalIgnoreCase))
        {
            throw NetworkWrites.MissingReference(subnetId, endpointId);
        }
    }

    private static List<JsonObject> Connections(EmulatorState state, string endpointId, JsonObject props, JsonObject? existing, string kind)
    {
        var manual = kind == ConnectionKinds[1];
        var result = new List<JsonObject>();
        foreach (var item in props[kind] is JsonArray list ? list : [])
        {
            var given = item as JsonObject ?? [];
            var name = given.Str("name");
            var target = given.Obj("properties").Str("privateLinkServiceId");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(target))
            {
                throw ArmErrors.BadRequest("InvalidRequestFormat",
                    $"Every entry of properties.{kind} needs a name and properties.privateLinkServiceId.", $"properties.{kind}");
            }

            if (!PrivateLinkConnections.TargetExists(state, target))
            {
                throw NetworkWrites.MissingReference(target, endpointId);
            }

            var kept = existing is null ? null : PrivateLinkConnections.Entries(existing).FirstOrDefault(c =>
                string.Equals(c.Str("name"), name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.Obj("properties").Str("privateLinkServiceId"), target, StringComparison.OrdinalIgnoreCase));
            var connectionProps = NetworkWrites.WritableProperties(given.Obj("properties"));
            connectionProps["privateLinkServiceConnectionState"] =
                kept?.Obj("properties").Obj("privateLinkServiceConnectionState")?.DeepClone()
                ?? (manual
                    ? PrivateLinkConnections.StateObject(PrivateLinkConnections.Pending, "Awaiting approval")
                    : PrivateLinkConnections.StateObject(PrivateLinkConnections.Approved, "Auto-Approved"));
            result.Add(new JsonObject { ["name"] = name, ["properties"] = connectionProps });
        }

        return result;
    }
}
