using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration;

/// <summary>
/// The resources a migration touches: their ARM ids under the workspace and the labels outputs and step records use
/// (<c>compute cpu-1</c>, <c>endpoint ep</c>, <c>deployment ep/blue</c>).
/// </summary>
public static class MigrationResources
{
    public static string ComputeId(string workspaceId, string name) => $"{workspaceId}/computes/{name}";

    public static string EndpointId(string workspaceId, string name) => $"{workspaceId}/onlineEndpoints/{name}";

    public static string DeploymentId(string workspaceId, string endpoint, string name) =>
        $"{workspaceId}/onlineEndpoints/{endpoint}/deployments/{name}";

    public static string ComputeLabel(string name) => $"compute {name}";

    public static string EndpointLabel(string name) => $"endpoint {name}";

    public static string DeploymentLabel(string endpoint, string name) => $"deployment {endpoint}/{name}";

    public static string TrafficLabel(string endpoint) => $"traffic {endpoint}";

    /// <summary>The label of a snapshot's resource.</summary>
    public static string Label(SnapshotKind kind, string name) => kind switch
    {
        SnapshotKind.Compute => ComputeLabel(name),
        SnapshotKind.Endpoint => EndpointLabel(name),
        _ => $"deployment {name.Replace('.', '/')}",
    };
}
