using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Ml.Workspaces;

namespace Mnet.Emulator.Ml.Endpoints;

/// <summary>An online endpoint as GET returns it: the body as written (identity, sku, kind, ...) + service fields.</summary>
public static class EndpointView
{
    public static JsonObject Of(EndpointRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var view = e.Body.CloneObject();
        view["id"] = e.Id;
        view["name"] = e.Name;
        view["type"] = MlTypes.OnlineEndpoint;
        view["tags"] ??= new JsonObject();
        view["systemData"] = WorkspaceView.SystemData(e.CreatedAt, e.ModifiedAt);
        var given = view["properties"] as JsonObject ?? [];
        var props = new JsonObject { ["authMode"] = "Key", ["publicNetworkAccess"] = "Enabled", ["traffic"] = new JsonObject() };
        foreach (var (k, v) in given)
        {
            props[k] = v?.DeepClone();
        }

        props["provisioningState"] = e.ProvisioningState;
        props["scoringUri"] = $"https://{e.Name}.{e.Location}.inference.ml.azure.com/score";
        props["swaggerUri"] = $"https://{e.Name}.{e.Location}.inference.ml.azure.com/swagger.json";
        view["properties"] = props;
        return view;
    }
}
