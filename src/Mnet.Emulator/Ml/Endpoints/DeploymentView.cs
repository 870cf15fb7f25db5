using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Ml.Model;
using Mnet.Emulator.Ml.Workspaces;

namespace Mnet.Emulator.Ml.Endpoints;

/// <summary>An online deployment as GET returns it: the body as written (identity, sku, kind, ...) + service fields.</summary>
public static class DeploymentView
{
    public static JsonObject Of(DeploymentRecord d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var view = d.Body.CloneObject();
        view["id"] = d.Id;
        view["name"] = d.Name;
        view["type"] = MlTypes.OnlineDeployment;
        view["tags"] ??= new JsonObject();
        view["systemData"] = WorkspaceView.SystemData(d.CreatedAt, d.ModifiedAt);
        var given = view["properties"] as JsonObject ?? [];
        var props = new JsonObject { ["endpointComputeType"] = "Managed" };
        foreach (var (k, v) in given)
        {
            props[k] = v?.DeepClone();
        }

        props["provisioningState"] = d.ProvisioningState;
        view["properties"] = props;
        return view;
    }
}
