using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// <c>{scope}/providers/Microsoft.Authorization/roleDefinitions[/{guid}]</c>: the built-in roles (seeded at start)
/// plus custom roles (PUT/GET/DELETE/list, <c>$filter</c> roleName or type). Built-ins cannot be changed (403); a
/// custom role's name is unique (409 RoleDefinitionWithSameNameExists); a role in use cannot be deleted (409).
/// </summary>
public sealed class RoleDefinitionsArea : IEmulatorArea
{
    private const string Base = "{*scope}/providers/Microsoft.Authorization/roleDefinitions";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var versions = ProviderCatalog.Policy(ProviderCatalog.Authorization, "roleDefinitions");
        routes.Add("GET", Base, versions, List, LockEffect.None);
        routes.Add("GET", $"{Base}/{{name}}", versions, Get, LockEffect.None);
        routes.Add("PUT", $"{Base}/{{name}}", versions, Put, LockEffect.None);
        routes.Add("DELETE", $"{Base}/{{name}}", versions, Delete, LockEffect.None);
    }

    public void Initialize(AreaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var role in BuiltInRoleDefinitions.All())
        {
            context.State.RoleDefinitions.Put(role);
        }
    }

    private static EmuResponse Get(HandlerContext ctx, RouteParams p)
    {
        var d = RoleDefinitionStore.Find(ctx.State, p["name"]) ?? throw NotFound(p["name"]);
        return EmuResponse.Ok(RoleDefinitionStore.ViewAt(d, p["scope"]));
    }

    private static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var scope = p["scope"];
        var name = p["name"];
        if (!Guid.TryParseExact(name, "D", out _))
        {
            throw ArmErrors.BadRequest("InvalidRoleDefinitionId", $"The role definition ID '{name}' is not valid. It must be a GUID.");
        }

        var existing = RoleDefinitionStore.Find(ctx.State, name);
        if (existing is not null && RoleDefinitionStore.IsBuiltIn(existing))
        {
            throw new ArmException(403, "AuthorizationFailed",
                $"Built-in role '{RoleDefinitionStore.RoleName(existing)}' cannot be modified.");
        }

        var props = ctx.Request.BodyObject().Obj("properties");
        var roleName = props.Str("roleName");
        if (string.IsNullOrWhiteSpace(roleName))
        {
            throw ArmErrors.Validation("properties.roleName is required.", "properties.roleName");
        }

        var permissions = Permissions(props?["permissions"]);
        var assignableScopes = RolePermissions.Strings(props?["assignableScopes"]);
        if (assignableScopes.Count == 0)
        {
            throw ArmErrors.Validation("properties.assignableScopes must name at least one scope.", "properties.assignableScopes");
        }

        var clash = ctx.State.RoleDefinitions.Live.FirstOrDefault(d =>
            !string.Equals(d.Str("name"), name, StringComparison.OrdinalIgnoreCase)
            && string.Equals(RoleDefinitionStore.RoleName(d), roleName, StringComparison.OrdinalIgnoreCase));
        if (clash is not null)
        {
            throw ArmErrors.Conflict("RoleDefinitionWithSameNameExists",
                $"A custom role with the same name '{roleName}' already exists.");
        }

        var now = MlRequests.Iso(ctx.State.Now);
        var guid = name.ToLowerInvariant();
        var record = new JsonObject
        {
            ["id"] = RoleDefinitionStore.CanonicalId(guid),
            ["name"] = guid,
            ["type"] = RoleDefinitionStore.Type,
            ["properties"] = new JsonObject
            {
                ["roleName"] = roleName,
                ["description"] = props.Str("description") ?? string.Empty,
                ["type"] = "CustomRole",
                ["permissions"] = permissions,
                ["assignableScopes"] = new JsonArray([.. assignableScopes.Select(s => (JsonNode?)s)]),
                ["createdOn"] = existing?["properties"].Str("createdOn") ?? now,
                ["updatedOn"] = now,
            },
        };
        ctx.State.RoleDefinitions.Put(record);
        return new EmuResponse(existing is null ? 201 : 200, RoleDefinitionStore.ViewAt(record, scope));
    }

    private static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var name = p["name"];
        var d = RoleDefinitionStore.Find(ctx.State, name);
        if (d is null)
        {
            return EmuResponse.NoContent();
        }

        if (RoleDefinitionStore.IsBuiltIn(d))
        {
            throw new ArmException(403, "AuthorizationFailed", $"Built-in role '{RoleDefinitionStore.RoleName(d)}' cannot be deleted.");
        }

        var used = ctx.State.RoleAssignments.Live.Any(ra => string.Equals(
            ScopePath.LastSegment(ra["properties"].Str("roleDefinitionId") ?? string.Empty), name,
            StringComparison.OrdinalIgnoreCase));
        if (used)
        {
            throw ArmErrors.Conflict("RoleDefinitionHasAssignments",
                $"Role definition '{RoleDefinitionStore.RoleName(d)}' has assignments; delete them first.");
        }

        ctx.State.RoleDefinitions.Remove(RoleDefinitionStore.CanonicalId(name));
        return EmuResponse.Ok(RoleDefinitionStore.ViewAt(d, p["scope"]));
    }

    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var scope = p["scope"];
        var filter = RoleDefinitionFilter.Parse(ctx.Request.QueryValue("$filter"));
        var items = ctx.State.RoleDefinitions.Live.Where(d =>
        {
            var props = d["properties"];
            if (filter.RoleName is not null
                && !string.Equals(props.Str("roleName"), filter.RoleName, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (filter.Type is not null && !string.Equals(props.Str("type"), filter.Type, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // Custom roles are visible where they are assignable (at or below an assignable scope), or below.
            return RoleDefinitionStore.IsBuiltIn(d) || RolePermissions.Strings(props?["assignableScopes"])
                .Any(s => ScopePath.Covers(s, scope) || ScopePath.Covers(scope, s));
        });
        return MlRequests.ListPage(ctx, items.Select(d => (JsonNode)RoleDefinitionStore.ViewAt(d, scope)).ToList());
    }

    private static JsonArray Permissions(JsonNode? value)
    {
        if (value is not JsonArray blocks || blocks.Count == 0)
        {
            throw ArmErrors.Validation("properties.permissions must be a non-empty array.", "properties.permissions");
        }

        var result = new JsonArray();
        foreach (var block in blocks)
        {
            result.Add(new JsonObject
            {
                ["actions"] = List(block?["actions"]),
                ["notActions"] = List(block?["notActions"]),
                ["dataActions"] = List(block?["dataActions"]),
                ["notDataActions"] = List(block?["notDataActions"]),
            });
        }

        return result;
    }

    private static JsonArray List(JsonNode? node) => new([.. RolePermissions.Strings(node).Select(s => (JsonNode?)s)]);

    private static ArmException NotFound(string name) =>
        new(404, "RoleDefinitionDoesNotExist", $"The specified role definition with ID '{name}' does not exist.");
}
