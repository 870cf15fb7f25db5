using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Network;

/// <summary>
/// Microsoft.Network/virtualNetworks with their subnets and peerings (child routes write into the VNet, as Azure
/// keeps them inline). Writes answer synchronously with the final state (the specification's 201 +
/// Azure-AsyncOperation is not modelled: nothing in a VNet write takes time here).
/// </summary>
public static class VirtualNetworkHandlers
{
    public static EmuResponse ListAll(HandlerContext ctx, RouteParams p) =>
        NetworkWrites.List(ctx, NetworkTypes.VirtualNetwork, $"/subscriptions/{p["sub"]}/");

    public static EmuResponse List(HandlerContext ctx, RouteParams p) =>
        NetworkWrites.List(ctx, NetworkTypes.VirtualNetwork, $"/subscriptions/{p["sub"]}/resourceGroups/{p["rg"]}/");

    public static EmuResponse Get(HandlerContext ctx, RouteParams p) => NetworkWrites.Answer(ctx.State, 200, Require(ctx, p));

    public static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var id = NetworkIds.Vnet(ctx, p);
        var existing = ctx.State.Resources.Get(id);
        MlRequests.CheckPreconditions(ctx, existing.Str("etag"));
        var body = ctx.Request.BodyObject();
        var props = NetworkWrites.WritableProperties(body.Obj("properties"));
        var subnets = Children(props, "subnets", "subnet");
        var peerings = Children(props, "virtualNetworkPeerings", "peering");
        foreach (var gone in VirtualNetworkView.Array(existing.Obj("properties"), "subnets")
            .Where(old => !subnets.Any(s => Same(s.Str("name"), old.Str("name")))))
        {
            NetworkWrites.RequireUnused(ctx.State, $"{id}/subnets/{gone.Str("name")}");
        }

        props["subnets"] = new JsonArray([.. subnets]);
        props["virtualNetworkPeerings"] = new JsonArray([.. peerings]);
        var record = new JsonObject
        {
            ["id"] = existing.Str("id") ?? id,
            ["name"] = existing.Str("name") ?? p["vnet"],
            ["type"] = NetworkTypes.VirtualNetwork,
            ["location"] = NetworkWrites.Location(body, existing),
            ["tags"] = ResourceGroupsArea.StringTags(body.Obj("tags")),
            ["etag"] = ctx.State.NewEtag(),
            ["properties"] = props,
        };
        ctx.State.PutResource(record);
        return NetworkWrites.Answer(ctx.State, existing is null ? 201 : 200, record);
    }

    public static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var id = NetworkIds.Vnet(ctx, p);
        if (ctx.State.Resources.Get(id) is not { } vnet)
        {
            return EmuResponse.NoContent();
        }

        foreach (var subnet in VirtualNetworkView.Array(vnet.Obj("properties"), "subnets"))
        {
            NetworkWrites.RequireUnused(ctx.State, $"{id}/subnets/{subnet.Str("name")}");
        }

        ctx.State.Resources.Remove(id);
        return new EmuResponse(200);
    }

    public static EmuResponse ListSubnets(HandlerContext ctx, RouteParams p) => ListChildren(ctx, p, "subnets");

    public static EmuResponse GetSubnet(HandlerContext ctx, RouteParams p) => GetChild(ctx, p, "subnets", p["subnet"]);

    public static EmuResponse PutSubnet(HandlerContext ctx, RouteParams p) => PutChild(ctx, p, "subnets", p["subnet"]);

    public static EmuResponse DeleteSubnet(HandlerContext ctx, RouteParams p)
    {
        var vnet = Require(ctx, p);
        NetworkWrites.RequireUnused(ctx.State, $"{vnet.Str("id")}/subnets/{p["subnet"]}");
        return DeleteChild(ctx, vnet, "subnets", p["subnet"]);
    }

    public static EmuResponse ListPeerings(HandlerContext ctx, RouteParams p) => ListChildren(ctx, p, "virtualNetworkPeerings");

    public static EmuResponse GetPeering(HandlerContext ctx, RouteParams p) => GetChild(ctx, p, "virtualNetworkPeerings", p["peering"]);

    public static EmuResponse PutPeering(HandlerContext ctx, RouteParams p)
    {
        var remote = ctx.Request.BodyObject().Obj("properties").Obj("remoteVirtualNetwork").Str("id");
        if (string.IsNullOrEmpty(remote))
        {
            throw ArmErrors.BadRequest("InvalidRequestFormat",
                "A virtual network peering needs properties.remoteVirtualNetwork.id.", "properties.remoteVirtualNetwork");
        }

        if (!NetworkTypes.Is(ctx.State.Resources.Get(remote).Str("type"), NetworkTypes.VirtualNetwork))
        {
            throw NetworkWrites.MissingReference(remote, $"{NetworkIds.Vnet(ctx, p)}/virtualNetworkPeerings/{p["peering"]}");
        }

        return PutChild(ctx, p, "virtualNetworkPeerings", p["peering"]);
    }

    public static EmuResponse DeletePeering(HandlerContext ctx, RouteParams p) =>
        DeleteChild(ctx, Require(ctx, p), "virtualNetworkPeerings", p["peering"]);

    private static JsonObject Require(HandlerContext ctx, RouteParams p)
    {
        var id = NetworkIds.Vnet(ctx, p);
        var vnet = ctx.State.Resources.Get(id);
        return NetworkTypes.Is(vnet.Str("type"), NetworkTypes.VirtualNetwork)
            ? vnet!
            : throw ArmErrors.ResourceNotFound(NetworkTypes.VirtualNetwork, id);
    }

    /// <summary>Child entries of a VNet PUT body: named, unique, read-only fields dropped.</summary>
    private static List<JsonObject> Children(JsonObject props, string key, string label)
    {
        var result = new List<JsonObject>();
        foreach (var item in props[key] is JsonArray list ? list : [])
        {
            if (item is not JsonObject child || string.IsNullOrEmpty(child.Str("name")))
            {
                throw ArmErrors.BadRequest("InvalidRequestFormat", $"Every {label} in properties.{key} needs a name.", $"properties.{key}");
            }

            if (result.Any(r => Same(r.Str("name"), child.Str("name"))))
            {
                throw ArmErrors.BadRequest("InvalidRequestFormat",
                    $"The {label} name '{child.Str("name")}' appears twice in properties.{key}.", $"properties.{key}");
            }

            result.Add(Entry(child.Str("name")!, child.Obj("properties")));
        }

        return result;
    }

    private static JsonObject Entry(string name, JsonObject? properties) =>
        new() { ["name"] = name, ["properties"] = NetworkWrites.WritableProperties(properties) };

    private static JsonArray Array(JsonObject vnet, string key)
    {
        var props = vnet.Child("properties");
        if (props[key] is not JsonArray list)
        {
            list = [];
            props[key] = list;
        }

        return list;
    }

    private static JsonObject ChildView(HandlerContext ctx, JsonObject vnet, string key, JsonObject stored) =>
        key == "subnets"
            ? VirtualNetworkView.Subnet(ctx.State, vnet.Str("id")!, stored)
            : VirtualNetworkView.Peering(ctx.State, vnet.Str("id")!, stored);

    private static EmuResponse ListChildren(HandlerContext ctx, RouteParams p, string key)
    {
        var vnet = Require(ctx, p);
        return MlRequests.ListPage(ctx, [.. VirtualNetworkView.Array(vnet.Obj("properties"), key).Select(c => (JsonNode)ChildView(ctx, vnet, key, c))]);
    }

    private static EmuResponse GetChild(HandlerContext ctx, RouteParams p, string key, string name)
    {
        var vnet = Require(ctx, p);
        var child = VirtualNetworkView.Array(vnet.Obj("properties"), key).FirstOrDefault(c => Same(c.Str("name"), name))
            ?? throw ArmErrors.ResourceNotFound(key == "subnets" ? NetworkTypes.Subnet : NetworkTypes.Peering, $"{vnet.Str("id")}/{key}/{name}");
        return EmuResponse.Ok(ChildView(ctx, vnet, key, child));
    }

    private static EmuResponse PutChild(HandlerContext ctx, RouteParams p, string key, string name)
    {
        var vnet = Require(ctx, p);
        var list = Array(vnet, key);
        var existing = list.OfType<JsonObject>().FirstOrDefault(c => Same(c.Str("name"), name));
        var entry = Entry(existing.Str("name") ?? name, ctx.Request.BodyObject().Obj("properties"));
        if (existing is null)
        {
            list.Add(entry);
        }
        else
        {
            list[list.IndexOf(existing)] = entry;
        }

        vnet["etag"] = ctx.State.NewEtag();
        return new EmuResponse(existing is null ? 201 : 200, ChildView(ctx, vnet, key, entry));
    }

    private static EmuResponse DeleteChild(HandlerContext ctx, JsonObject vnet, string key, string name)
    {
        var list = Array(vnet, key);
        var existing = list.OfType<JsonObject>().FirstOrDefault(c => Same(c.Str("name"), name));
        if (existing is null)
        {
            return EmuResponse.NoContent();
        }

        list.Remove(existing);
        vnet["etag"] = ctx.State.NewEtag();
        return new EmuResponse(200);
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
