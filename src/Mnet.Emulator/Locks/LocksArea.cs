using System.Text.Json.Nodes;
using Mnet.Emulator.Authorization;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Locks;

/// <summary>
/// Management locks at any scope, <c>{scope}/providers/Microsoft.Authorization/locks[/{name}]</c>: PUT (201 new,
/// 200 replaced), GET, DELETE, list. A list returns locks at, above and below the scope (<c>atScope()</c>: at and
/// above; ARM's exact inheritance in lists is unverified). Lock writes are never blocked by locks. The pipeline
/// enforces them (ReadOnly blocks writes, any lock blocks deletes).
/// </summary>
public sealed class LocksArea : IEmulatorArea
{
    private const string Base = "{*scope}/providers/Microsoft.Authorization/locks";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var versions = ProviderCatalog.Policy(ProviderCatalog.Authorization, "locks");
        routes.Add("GET", Base, versions, List, LockEffect.None);
        routes.Add("GET", $"{Base}/{{name}}", versions, Get, LockEffect.None);
        routes.Add("PUT", $"{Base}/{{name}}", versions, Put, LockEffect.None);
        routes.Add("DELETE", $"{Base}/{{name}}", versions, Delete, LockEffect.None);
    }

    private static string LockId(RouteParams p) =>
        $"{RoleDefinitionStore.ScopeBase(p["scope"])}/providers/Microsoft.Authorization/locks/{p["name"]}";

    private static EmuResponse Get(HandlerContext ctx, RouteParams p) =>
        EmuResponse.Ok(ctx.State.Locks.View(LockId(p))
            ?? throw new ArmException(404, "LockNotFound", $"The lock '{p["name"]}' could not be found."));

    private static EmuResponse Put(HandlerContext ctx, RouteParams p)
    {
        var props = ctx.Request.BodyObject().Obj("properties");
        var level = props.Str("level");
        if (level is not ("CanNotDelete" or "ReadOnly"))
        {
            throw ArmErrors.Validation("properties.level must be 'CanNotDelete' or 'ReadOnly'.", "properties.level");
        }

        var existed = ctx.State.Locks.Get(LockId(p)) is not null;
        var scope = p["scope"] == "/" ? string.Empty : p["scope"];
        var stored = ctx.State.AddLock(scope, p["name"], level, props.Str("notes"));
        if (props?["owners"] is JsonArray owners)
        {
            stored["properties"]!["owners"] = owners.DeepClone();
        }

        return new EmuResponse(existed ? 200 : 201, stored.DeepClone());
    }

    private static EmuResponse Delete(HandlerContext ctx, RouteParams p) =>
        ctx.State.Locks.Remove(LockId(p)) ? new EmuResponse(200) : EmuResponse.NoContent();

    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var scope = p["scope"];
        var atScope = (ctx.Request.QueryValue("$filter") ?? string.Empty).Contains("atScope()", StringComparison.OrdinalIgnoreCase);
        var items = ctx.State.Locks.Live.Where(l =>
        {
            var at = LockScope(l.Str("id") ?? string.Empty);
            return ScopePath.Covers(at, scope) || (!atScope && ScopePath.Covers(scope, at));
        });
        return MlRequests.ListPage(ctx, items.Select(i => i.DeepClone()).ToList());
    }

    private static string LockScope(string lockId)
    {
        var marker = lockId.IndexOf("/providers/Microsoft.Authorization/locks/", StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? string.Empty : lockId[..marker];
    }
}
