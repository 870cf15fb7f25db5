using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.ResourceManager;

/// <summary>
/// Dependency resources (storage accounts, key vaults, registries, app insights, AI Search, AI services, data
/// factories, identities, ...): generic GET/PUT/PATCH/DELETE of
/// <c>/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}</c> and list by type in a group. Only
/// <c>properties.publicNetworkAccess</c> matters to the managed network; the rest is stored as written. A type in
/// <see cref="ProviderCatalog"/> accepts its published api-versions; others any dated version. Registered last:
/// every more specific route wins over these.
/// </summary>
public sealed class GenericResourcesArea : IEmulatorArea
{
    private const string Base = "/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Add("GET", Base, ApiVersionPolicy.AnyDated, ListByType);
        routes.Add("GET", $"{Base}/{{name}}", ApiVersionPolicy.AnyDated, Get);
        routes.Add("PUT", $"{Base}/{{name}}", ApiVersionPolicy.AnyDated, Put);
        routes.Add("PATCH", $"{Base}/{{name}}", ApiVersionPolicy.AnyDated, Patch);
        routes.Add("DELETE", $"{Base}/{{name}}", ApiVersionPolicy.AnyDated, Delete);
    }

    private static (string Id, string Type) Ids(HandlerContext ctx, RouteParams p)
    {
        ApiVersionCheck.Require(ctx, p["ns"], p["type"]);
        var rg = ctx.State.ResourceGroup(p["sub"], p["rg"])?.Name ?? p["rg"];
        var type = $"{p["ns"]}/{p["type"]}";
        return ($"/subscriptions/{p["sub"]}/resourceGroups/{rg}/providers/{type}/{p["name"]}", type);
    }

    private static EmuResponse ListByType(HandlerContext ctx, RouteParams p)
    {
        ApiVersionCheck.Require(ctx, p["ns"], p["type"]);
        var prefix = $"/subscriptions/{p["sub"]}/resourceGroups/{p["rg"]}/providers/{p["ns"]}/{p["type"]}/";
        var items = ctx.State.Resources.Live
            .Where(r => (r.Str("id") ?? string.Empty).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && (r.Str("id") ?? string.Empty)[prefix.Length..].IndexOf('/', StringComparison.Ordinal) < 0)
            .Select(r => (JsonNode)GenericResourceView.Of(ctx.State, r))
            .ToList();
        return MlRequests.ListPage(ctx, items);
    }

    private static EmuResponse Get(HandlerContext ctx, RouteParams p)
    {
        var (id, type) = Ids(ctx, p);
        var r = ctx.State.Resources.Get(id) ?? throw ArmErrors.ResourceNotFound(type, id);
        return WithEtag(ctx, 200, r);
    }

    private static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var (id, type) = Ids(ctx, p);
        var existing = ctx.State.Resources.Get(id);
        MlRequests.CheckPreconditions(ctx, existing.Str("etag"));
        var body = ctx.Request.BodyObject();
        var location = body.Str("location") is { } l ? MlRequests.NormalizeLocation(l) : existing.Str("location");
        if (string.IsNullOrEmpty(location))
        {
            throw ArmErrors.BadRequest("LocationRequired", "The location property is required for this definition.", "location");
        }

        var properties = body.Obj("properties").CloneObject();
        properties.Remove("provisioningState");
        var record = new JsonObject
        {
            ["id"] = existing.Str("id") ?? id,
            ["name"] = existing.Str("name") ?? p["name"],
            ["type"] = existing.Str("type") ?? type,
            ["location"] = location,
            ["tags"] = ResourceGroupsArea.StringTags(body.Obj("tags")),
            ["etag"] = ctx.State.NewEtag(),
            ["properties"] = properties,
        };
        foreach (var key in new[] { "kind", "sku", "identity", "managedBy" })
        {
            if (body[key] is { } value)
            {
                record[key] = value.DeepClone();
            }
        }

        ctx.State.PutResource(record);
        return WithEtag(ctx, existing is null ? 201 : 200, record);
    }

    private static EmuResponse Patch(HandlerContext ctx, RouteParams p)
    {
        var (id, type) = Ids(ctx, p);
        var r = ctx.State.Resources.Get(id) ?? throw ArmErrors.ResourceNotFound(type, id);
        MlRequests.CheckPreconditions(ctx, r.Str("etag"));
        var body = ctx.Request.BodyObject();
        if (body.Obj("tags") is { } tags)
        {
            r["tags"] = ResourceGroupsArea.StringTags(tags);
        }

        if (body.Obj("properties") is { } changes)
        {
            if (r.Obj("properties") is not { } properties)
            {
                properties = [];
                r["properties"] = properties;
            }

            foreach (var (k, v) in changes)
            {
                if (k != "provisioningState")
                {
                    properties[k] = v?.DeepClone();
                }
            }
        }

        foreach (var key in new[] { "sku", "identity" })
        {
            if (body[key] is { } value)
            {
                r[key] = value.DeepClone();
            }
        }

        r["etag"] = ctx.State.NewEtag();
        return WithEtag(ctx, 200, r);
    }

    private static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var (id, _) = Ids(ctx, p);
        return ctx.State.Resources.Remove(id) ? new EmuResponse(200) : EmuResponse.NoContent();
    }

    private static EmuResponse WithEtag(HandlerContext ctx, int status, JsonObject stored)
    {
        var response = new EmuResponse(status, GenericResourceView.Of(ctx.State, stored));
        return stored.Str("etag") is { } etag ? response.WithHeader("ETag", etag) : response;
    }
}
