using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// <c>GET {scope}/providers/Microsoft.Authorization/permissions</c>: the caller's effective permissions at a scope,
/// one entry per permission block of each of its role assignments at the scope or above (ARM's shape:
/// <c>{value: [{actions, notActions, dataActions, notDataActions}]}</c>). The caller is the token's <c>oid</c>
/// (<see cref="CallerIdentity"/>); the anonymous operator of a plain test token holds everything (<c>*</c>).
/// </summary>
public sealed class PermissionsArea : IEmulatorArea
{
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Add("GET", "{*scope}/providers/Microsoft.Authorization/permissions",
            ProviderCatalog.Policy(ProviderCatalog.Authorization, "permissions"), List, LockEffect.None);
    }

    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var scope = p["scope"];
        var caller = CallerIdentity.PrincipalId(ctx.Request.Header("Authorization"));
        if (caller is null)
        {
            return MlRequests.ListPage(ctx, [Entry(["*"], [], [], [], null)]);
        }

        var entries = new List<JsonNode>();
        foreach (var ra in ctx.State.RoleAssignments.Live)
        {
            var props = ra["properties"];
            if (!string.Equals(props.Str("principalId"), caller, StringComparison.OrdinalIgnoreCase)
                || !ScopePath.Covers(props.Str("scope") ?? string.Empty, scope))
            {
                continue;
            }

            var definition = RoleDefinitionStore.Find(ctx.State, ScopePath.LastSegment(props.Str("roleDefinitionId") ?? string.Empty));
            if (definition?["properties"]?["permissions"] is not JsonArray blocks)
            {
                continue;
            }

            foreach (var block in blocks.OfType<JsonObject>())
            {
                entries.Add(Entry(RolePermissions.Strings(block["actions"]), RolePermissions.Strings(block["notActions"]),
                    RolePermissions.Strings(block["dataActions"]), RolePermissions.Strings(block["notDataActions"]), props));
            }
        }

        return MlRequests.ListPage(ctx, entries);
    }

    private static JsonObject Entry(IReadOnlyList<string> actions, IReadOnlyList<string> notActions,
        IReadOnlyList<string> dataActions, IReadOnlyList<string> notDataActions, JsonNode? assignment)
    {
        var entry = new JsonObject
        {
            ["actions"] = Array(actions),
            ["notActions"] = Array(notActions),
            ["dataActions"] = Array(dataActions),
            ["notDataActions"] = Array(notDataActions),
        };
        if (assignment.Str("condition") is { } condition)
        {
            entry["condition"] = condition;
            entry["conditionVersion"] = assignment.Str("conditionVersion");
        }

        return entry;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
