using System.Globalization;
using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ids;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Routing;
using Mnet.Emulator.State;

namespace Mnet.Emulator.ResourceManager;

/// <summary>
/// <c>GET /subscriptions/{s}/resources</c> and <c>GET /subscriptions/{s}/resourceGroups/{rg}/resources</c>: every
/// top-level resource (workspaces and dependency resources) without properties, as ARM lists them;
/// <c>$filter</c> (<see cref="ResourceFilter"/>), <c>$top</c> (at most that many), <c>nextLink</c> paging.
/// </summary>
public sealed class ResourceListArea : IEmulatorArea
{
    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.Add("GET", "/subscriptions/{sub}/resources",
            ProviderCatalog.Policy(ProviderCatalog.Resources, "subscriptions/resources"), List);
        routes.Add("GET", "/subscriptions/{sub}/resourceGroups/{rg}/resources",
            ProviderCatalog.Policy(ProviderCatalog.Resources, "subscriptions/resourceGroups/resources"), List);
    }

    /// <summary>Every top-level resource of a subscription (or one of its groups), as list rows.</summary>
    public static IEnumerable<JsonObject> Rows(EmulatorState state, string scope)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var ws in state.Workspaces.Values.Where(w => ScopePath.Covers(scope, w.Id)))
        {
            yield return WorkspaceRow(ws);
        }

        foreach (var r in state.Resources.Live.Where(r => ScopePath.Covers(scope, r.Str("id") ?? "/")))
        {
            yield return GenericResourceView.ListItem(r);
        }
    }

    private static JsonObject WorkspaceRow(WorkspaceRecord ws)
    {
        var row = new JsonObject
        {
            ["id"] = ws.Id,
            ["name"] = ws.Name,
            ["type"] = MlTypes.Workspace,
            ["kind"] = ws.Kind,
            ["location"] = ws.Location,
            ["sku"] = ws.Sku.DeepClone(),
            ["tags"] = ws.Tags.DeepClone(),
        };
        if (ws.Identity is not null)
        {
            row["identity"] = ws.Identity.DeepClone();
        }

        return row;
    }

    private static EmuResponse List(HandlerContext ctx, RouteParams p)
    {
        var scope = p.Optional("rg") is { } rg ? ScopePath.ResourceGroup(p["sub"], rg) : ScopePath.Subscription(p["sub"]);
        var filter = ResourceFilter.Parse(ctx.Request.QueryValue("$filter"));
        var rows = Rows(ctx.State, scope).Where(filter.Matches);
        if (ctx.Request.QueryValue("$top") is { } top)
        {
            if (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                throw ArmErrors.BadRequest("InvalidTopInQueryString", $"Invalid $top '{top}' specified in the query string.");
            }

            rows = rows.Take(n);
        }

        return MlRequests.ListPage(ctx, rows.Cast<JsonNode>().ToList());
    }
}
