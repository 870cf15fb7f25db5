using System.Text.Json;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Arm.Lro;
using Mnet.Core.Resources;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// The three kinds of resource a migration moves, addressed alike: by kind and snapshot name (a deployment's is
/// <c>{endpoint}.{deployment}</c>).
/// </summary>
internal static class MigrationArm
{
    public static string IdOf(string workspaceId, SnapshotKind kind, string name) => kind switch
    {
        SnapshotKind.Compute => MigrationResources.ComputeId(workspaceId, name),
        SnapshotKind.Endpoint => MigrationResources.EndpointId(workspaceId, name),
        SnapshotKind.Deployment => MigrationResources.DeploymentId(workspaceId, EndpointOf(name), DeploymentOf(name)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a snapshot kind"),
    };

    /// <summary>The resource now; null when it does not exist.</summary>
    public static async Task<CurrentResource?> ReadAsync(IArmClient arm, string workspaceId, SnapshotKind kind, string name)
    {
        string id = IdOf(workspaceId, kind, name);
        (string? state, JsonElement? json) = kind switch
        {
            SnapshotKind.Compute => Of(await arm.GetComputeAsync(id).NotFoundAsNullAsync(), c => c.Properties.ProvisioningState),
            SnapshotKind.Endpoint => Of(await arm.GetOnlineEndpointAsync(id).NotFoundAsNullAsync(), e => e.Properties.ProvisioningState),
            _ => Of(await arm.GetOnlineDeploymentAsync(id).NotFoundAsNullAsync(), d => d.Properties.ProvisioningState),
        };
        return json is { } resource ? new CurrentResource(id, state, CreationTime.Of(resource)) : null;
    }

    public static Task<LroHandle> BeginDeleteAsync(IArmClient arm, SnapshotKind kind, string id) => kind switch
    {
        SnapshotKind.Compute => arm.BeginDeleteComputeAsync(id),
        SnapshotKind.Endpoint => arm.BeginDeleteOnlineEndpointAsync(id),
        _ => arm.BeginDeleteOnlineDeploymentAsync(id),
    };

    public static string EndpointOf(string deploymentName) => deploymentName[..deploymentName.IndexOf('.', StringComparison.Ordinal)];

    public static string DeploymentOf(string deploymentName) => deploymentName[(deploymentName.IndexOf('.', StringComparison.Ordinal) + 1)..];

    static (string? State, JsonElement? Json) Of<T>(T? resource, Func<T, string?> state)
        where T : class =>
        resource is null ? (null, null) : (state(resource), ArmJson.SerializeToElement(resource));
}
