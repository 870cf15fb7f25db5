using System.Text.Json.Nodes;
using Mnet.Core.Catalog;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.ResourceManager;

/// <summary>
/// Resource groups: PUT (201 new, 200 update; location required and immutable, 409 InvalidResourceGroupLocation),
/// GET, HEAD (204 / 404: CheckExistence), PATCH (tags), list. No DELETE: the emulator never removes a group.
/// </summary>
public sealed class ResourceGroupsArea : IEmulatorArea
{
    private const string Base = "/subscriptions/{sub}/resourcegroups";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var versions = ProviderCatalog.Policy(ProviderCatalog.Resources, "resourceGroups");
        routes.Add("GET", Base, versions, List);
        routes.Add("GET", $"{Base}/{{rg}}", versions, Get);
        routes.Add("PUT", $"{Base}/{{rg}}", versions, Put, checkParents: false);
        routes.Add("PATCH", $"{Base}/{{rg}}", versions, Patch);
        routes.Add("HEAD", $"{Base}/{{rg}}", versions, Head, checkParents: false);
    }

    /// <summary>A resource group as ARM returns it.</summary>
    public static JsonObject View(ResourceGroupRecord rg)
    {
        ArgumentNullException.ThrowIfNull(rg);
        var view = new JsonObject
        {
            ["id"] = rg.Id,
            ["name"] = rg.Name,
            ["type"] = "Microsoft.Resources/resourceGroups",
            ["location"] = rg.Location,
            ["tags"] = rg.Tags.DeepClone(),
            ["properties"] = new JsonObject { ["provisioningState"] = "Succeeded" },
        };
        if (rg.Extra.Str("managedBy") is { } managedBy)
        {
            view["managedBy"] = managedBy;
        }

        return view;
    }

    /// <summary>The list, with ARM's <c>$filter</c> (<c>tagName eq 'n' [and tagValue eq 'v']</c>, ...).</summary>
    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var filter = ResourceFilter.Parse(ctx.Request.QueryValue("$filter"));
        return MlRequests.ListPage(ctx, ctx.State.ResourceGroups.Values
            .Where(g => g.SubscriptionId.Equals(p["sub"], StringComparison.OrdinalIgnoreCase))
            .Select(View)
            .Where(filter.Matches)
            .Cast<JsonNode>()
            .ToList());
    }

    private static EmuResponse Get(HandlerContext ctx, RouteParams p) => EmuResponse.Ok(View(Require(ctx, p)));

    private static EmuResponse Head(HandlerContext ctx, RouteParams p) =>
        new(ctx.State.ResourceGroup(p["sub"], p["rg"]) is null ? 404 : 204);

    private static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var sub = ctx.State.Subscription(p["sub"])
            ?? throw new ArmException(404, "SubscriptionNotFound", $"The subscription '{p["sub"]}' could not be found.");
        var name = p["rg"];
        if (!Prerequisites.ResourceGroupNamePattern.IsMatch(name))
        {
            throw ArmErrors.BadRequest("InvalidResourceGroupName", $"The resource group name '{name}' is invalid.", "name");
        }

        var body = ctx.Request.BodyObject();
        var location = body.Str("location");
        if (ctx.State.ResourceGroup(sub.SubscriptionId, name) is { } existing)
        {
            if (location is not null && MlRequests.NormalizeLocation(location) != existing.Location)
            {
                throw ArmErrors.Conflict("InvalidResourceGroupLocation",
                    $"Invalid resource group location '{location}'. The Resource group already exists in location " +
                    $"'{existing.Location}' in resource group '{existing.Name}'. A resource group cannot change location.");
            }

            if (body.Obj("tags") is { } newTags)
            {
                existing.Tags = StringTags(newTags);
            }

            KeepManagedBy(existing, body);
            return EmuResponse.Ok(View(existing));
        }

        if (string.IsNullOrWhiteSpace(location))
        {
            throw ArmErrors.BadRequest("LocationRequired", "The location property is required for this definition.", "location");
        }

        var rg = ctx.State.AddResourceGroup(sub.SubscriptionId, name, MlRequests.NormalizeLocation(location),
            StringTags(body.Obj("tags")));
        KeepManagedBy(rg, body);
        return new EmuResponse(201, View(rg));
    }

    private static EmuResponse Patch(HandlerContext ctx, RouteParams p)
    {
        var rg = Require(ctx, p);
        if (ctx.Request.BodyObject().Obj("tags") is { } tags)
        {
            rg.Tags = StringTags(tags);
        }

        return EmuResponse.Ok(View(rg));
    }

    private static ResourceGroupRecord Require(HandlerContext ctx, RouteParams p) =>
        ctx.State.ResourceGroup(p["sub"], p["rg"])
        ?? throw new ArmException(404, "ResourceGroupNotFound", $"Resource group '{p["rg"]}' could not be found.");

    private static void KeepManagedBy(ResourceGroupRecord rg, JsonObject body)
    {
        if (body.Str("managedBy") is { } managedBy)
        {
            rg.Extra["managedBy"] = managedBy;
        }
    }

    /// <summary>Tags as ARM keeps them: string values only.</summary>
    public static JsonObject StringTags(JsonObject? tags)
    {
        var result = new JsonObject();
        foreach (var (k, v) in tags ?? [])
        {
            if (v is JsonValue value && value.TryGetValue<string>(out var s))
            {
                result[k] = s;
            }
        }

        return result;
    }
}
