using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Resources;

namespace Mnet.Workflows.Activities.Drift;

/// <summary>
/// The one Resource Graph query of a drift scan: every workspace with its managed network. <c>id</c> is projected
/// so the service can page; everything the drift evaluation reads is in <c>properties</c>.
/// </summary>
public static class WorkspaceQuery
{
    public const string Text =
        "resources\n" +
        "| where type =~ 'microsoft.machinelearningservices/workspaces'\n" +
        "| project id, name, type, location, kind, tags, identity, properties\n" +
        "| order by id asc";

    /// <summary>The workspace properties drift evaluation and its posture section read; the rest is dropped on arrival.</summary>
    static readonly string[] EvaluatedProperties =
    [
        "managedNetwork", "publicNetworkAccess", "imageBuildCompute", "storageAccount", "keyVault",
        "containerRegistry", "applicationInsights", "hubResourceId", "provisioningState",
        // The posture section (workspaces without a managed network): the workspace's own network settings.
        "privateEndpointConnections", "networkAcls", "ipAllowlist",
    ];

    /// <summary>Resource Graph rows omit empty columns: gives the evaluator the shape a GET would; null for a row without id or name.</summary>
    public static Workspace? ToWorkspace(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object ||
            !row.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String ||
            !row.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var properties = new JsonObject();
        if (row.TryGetProperty("properties", out var source) && source.ValueKind == JsonValueKind.Object)
        {
            foreach (string key in EvaluatedProperties)
            {
                if (source.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    properties[key] = JsonNode.Parse(value.GetRawText());
                }
            }
        }

        var workspace = new JsonObject
        {
            ["id"] = id.GetString(),
            ["name"] = name.GetString(),
            ["location"] = row.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.String ? location.GetString() : "",
            ["properties"] = properties,
        };
        foreach (string key in new[] { "type", "kind", "tags", "identity" })
        {
            if (row.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                workspace[key] = JsonNode.Parse(value.GetRawText());
            }
        }

        return workspace.Deserialize<Workspace>(ArmJson.Options);
    }
}
