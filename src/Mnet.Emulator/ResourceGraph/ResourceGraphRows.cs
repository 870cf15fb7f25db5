using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Ml.Workspaces;
using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.State;

namespace Mnet.Emulator.ResourceGraph;

/// <summary>
/// The <c>resources</c> table over the emulated workspaces and dependency resources. Rows mirror Azure Resource
/// Graph: type and resourceGroup lower-cased, properties as a GET returns them.
/// </summary>
public static class ResourceGraphRows
{
    /// <param name="subscriptions">Lower-case subscription ids in scope; null: every subscription.</param>
    public static IEnumerable<ResourceGraphRow> Of(EmulatorState state, IReadOnlySet<string>? subscriptions)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var ws in state.Workspaces.Values)
        {
            if (subscriptions is not null && !subscriptions.Contains(ws.SubscriptionId.ToLowerInvariant()))
            {
                continue;
            }

            var columns = Base(state, ws.Id, ws.Name, MlTypes.Workspace, ws.Kind, ws.Location, ws.ResourceGroup,
                ws.SubscriptionId, ws.Tags);
            yield return new ResourceGraphRow(columns, () => Full(WorkspaceView.Of(state, ws)));
        }

        foreach (var r in state.Resources.Live)
        {
            var id = r.Str("id") ?? string.Empty;
            var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var sub = parts.Length >= 2 ? parts[1] : string.Empty;
            if (subscriptions is not null && !subscriptions.Contains(sub.ToLowerInvariant()))
            {
                continue;
            }

            var columns = Base(state, id, r.Str("name") ?? string.Empty, r.Str("type") ?? string.Empty,
                r.Str("kind") ?? string.Empty, r.Str("location") ?? string.Empty, parts.Length >= 4 ? parts[3] : string.Empty,
                sub, r.Obj("tags") ?? []);
            var stored = r;
            yield return new ResourceGraphRow(columns, () => Full(GenericResourceView.Of(state, stored)));
        }
    }

    private static JsonObject Base(EmulatorState state, string id, string name, string type, string kind,
        string location, string resourceGroup, string subscriptionId, JsonObject tags) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["type"] = type.ToLowerInvariant(),
        ["kind"] = kind,
        ["location"] = location,
        ["resourceGroup"] = resourceGroup.ToLowerInvariant(),
        ["subscriptionId"] = subscriptionId,
        ["tenantId"] = state.TenantOf(subscriptionId) ?? string.Empty,
        ["tags"] = tags.DeepClone(),
        ["managedBy"] = string.Empty,
    };

    private static JsonObject Full(JsonObject view) => new()
    {
        ["identity"] = view["identity"]?.DeepClone(),
        ["properties"] = view["properties"]?.DeepClone(),
        ["sku"] = view["sku"]?.DeepClone(),
        ["plan"] = null,
        ["zones"] = null,
        ["extendedLocation"] = null,
    };
}
