using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// <c>{scope}/providers/Microsoft.Authorization/roleAssignments[/{name}]</c> at any scope (root, management group,
/// subscription, group, resource). PUT: 201 new; 200 for the same name with the same principal and role (a retry
/// of a deterministic name is a no-op); 409 RoleAssignmentExists for the same scope + principal + role under another
/// name; 409 RoleAssignmentUpdateNotPermitted for a changed principal or role. A list returns assignments at, above
/// and below the scope (<c>atScope()</c>: at and above). Sets the emulator's access check (RBAC evaluation).
/// </summary>
public sealed partial class RoleAssignmentsArea : IEmulatorArea
{
    private const string Base = "{*scope}/providers/Microsoft.Authorization/roleAssignments";
    private const string Type = "Microsoft.Authorization/roleAssignments";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var versions = ProviderCatalog.Policy(ProviderCatalog.Authorization, "roleAssignments");
        routes.Add("GET", Base, versions, List, LockEffect.None);
        routes.Add("GET", $"{Base}/{{name}}", versions, Get, LockEffect.None);
        routes.Add("PUT", $"{Base}/{{name}}", versions, Put, LockEffect.None);
        routes.Add("DELETE", $"{Base}/{{name}}", versions, Delete, LockEffect.None);
    }

    public void Initialize(AreaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.State.AccessCheck = new RoleBasedAccessCheck(context.State);
    }

    private static string AssignmentId(string scope, string name) =>
        $"{RoleDefinitionStore.ScopeBase(scope)}/providers/Microsoft.Authorization/roleAssignments/{name}";

    private static EmuResponse Get(HandlerContext ctx, RouteParams p)
    {
        var ra = ctx.State.RoleAssignments.View(AssignmentId(p["scope"], p["name"]))
            ?? throw new ArmException(404, "RoleAssignmentNotFound", $"The role assignment '{p["name"]}' is not found.");
        return EmuResponse.Ok(ra);
    }

    private static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var scope = p["scope"];
        var name = p["name"];
        if (!Guid.TryParseExact(name, "D", out _))
        {
            throw ArmErrors.BadRequest("InvalidRoleAssignmentId",
                $"The role assignment ID '{name}' is not valid. The role assignment ID must be a GUID.");
        }

        var props = ctx.Request.BodyObject().Obj("properties");
        var roleDefinitionId = props.Str("roleDefinitionId");
        var principalId = props.Str("principalId");
        if (roleDefinitionId is null || principalId is null)
        {
            throw ArmErrors.BadRequest("InvalidRoleAssignmentRequest",
                "properties.roleDefinitionId and properties.principalId are required.");
        }

        if (!Guid.TryParseExact(principalId, "D", out _))
        {
            throw ArmErrors.BadRequest("InvalidPrincipalId",
                $"A valid principal ID must be provided for role assignment (got '{principalId}').");
        }

        var roleGuid = ScopePath.LastSegment(roleDefinitionId);
        if (!RoleDefinitionPath().IsMatch(roleDefinitionId) || RoleDefinitionStore.Find(ctx.State, roleGuid) is null)
        {
            throw ArmErrors.BadRequest("RoleDefinitionDoesNotExist",
                $"The specified role definition with ID '{roleGuid}' does not exist.");
        }

        var id = AssignmentId(scope, name);
        if (ctx.State.RoleAssignments.View(id) is { } existing)
        {
            if (!SameGrant(existing, principalId, roleGuid))
            {
                throw ArmErrors.Conflict("RoleAssignmentUpdateNotPermitted",
                    "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.");
            }

            return EmuResponse.Ok(existing);
        }

        var duplicate = ctx.State.RoleAssignments.Live.FirstOrDefault(ra =>
            ScopePath.Key(ra["properties"].Str("scope") ?? string.Empty) == ScopePath.Key(scope)
            && SameGrant(ra, principalId, roleGuid));
        if (duplicate is not null)
        {
            throw ArmErrors.Conflict("RoleAssignmentExists", "The role assignment already exists.", duplicate.Str("id"));
        }

        var now = MlRequests.Iso(ctx.State.Now);
        var (sub, _) = ScopePath.Parts(scope);
        var properties = new JsonObject
        {
            // ARM reports the definition id under the assignment's subscription.
            ["roleDefinitionId"] = sub is null
                ? $"/providers/Microsoft.Authorization/roleDefinitions/{roleGuid}"
                : $"/subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{roleGuid}",
            ["principalId"] = principalId,
            ["principalType"] = props.Str("principalType") ?? "User",
            ["scope"] = scope,
            ["createdOn"] = now,
            ["updatedOn"] = now,
            ["createdBy"] = null,
            ["updatedBy"] = null,
            ["delegatedManagedIdentityResourceId"] = null,
        };
        foreach (var optional in new[] { "description", "condition", "conditionVersion" })
        {
            if (props.Str(optional) is { } value)
            {
                properties[optional] = value;
            }
        }

        var record = new JsonObject { ["id"] = id, ["name"] = name, ["type"] = Type, ["properties"] = properties };
        ctx.State.RoleAssignments.Put(record);
        return new EmuResponse(201, record.DeepClone());
    }

    private static EmuResponse Delete(HandlerContext ctx, RouteParams p)
    {
        var id = AssignmentId(p["scope"], p["name"]);
        var ra = ctx.State.RoleAssignments.View(id);
        if (ra is null)
        {
            return EmuResponse.NoContent();
        }

        ctx.State.RoleAssignments.Remove(id);
        return EmuResponse.Ok(ra);
    }

    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var scope = p["scope"];
        var filter = RoleAssignmentFilter.Parse(ctx.Request.QueryValue("$filter"));
        var items = ctx.State.RoleAssignments.Live.Where(ra =>
        {
            var props = ra["properties"];
            var at = props.Str("scope") ?? string.Empty;
            var inScope = ScopePath.Covers(at, scope) || (!filter.AtScope && ScopePath.Covers(scope, at));
            return inScope && (filter.PrincipalId is null
                || string.Equals(props.Str("principalId"), filter.PrincipalId, StringComparison.OrdinalIgnoreCase));
        });
        return MlRequests.ListPage(ctx, items.Select(i => i.DeepClone()).ToList());
    }

    private static bool SameGrant(JsonObject assignment, string principalId, string roleGuid)
    {
        var props = assignment["properties"];
        return string.Equals(props.Str("principalId"), principalId, StringComparison.OrdinalIgnoreCase)
            && string.Equals(ScopePath.LastSegment(props.Str("roleDefinitionId") ?? string.Empty), roleGuid,
                StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"/providers/Microsoft\.Authorization/roleDefinitions/[^/]+$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleDefinitionPath();
}
