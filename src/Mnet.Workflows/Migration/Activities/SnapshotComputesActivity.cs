using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Core.Resources;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// Saves every definition a migration will delete BEFORE anything is deleted: each compute, each online endpoint
/// (with its traffic) and each of its deployments, each read back; then the manifest, create-only. An existing
/// manifest means the set is complete and is returned as it is: a re-run after deletes (a redelivery) must never
/// replace it with an inventory that lacks the deleted computes.
/// </summary>
public sealed class SnapshotComputesActivity(IArmClient arm, SnapshotStore snapshots)
    : IWorkflowActivity<SnapshotComputesInput, SnapshotComputesOutput>
{
    public async Task<SnapshotComputesOutput> RunAsync(SnapshotComputesInput input)
    {
        string ws = input.WorkspaceId;
        if (await snapshots.ReadManifestAsync(ws, input.MigrationId) is { } existing) return new(existing, snapshots.Location);

        var computes = new List<ManifestCompute>();
        foreach (string name in input.Computes)
        {
            var compute = await arm.GetComputeAsync(MigrationResources.ComputeId(ws, name)).NotFoundAsNullAsync();
            if (compute is null) continue; // gone since the plan: nothing to delete or recreate
            string key = await SaveAsync(input, SnapshotKind.Compute, name, ArmJson.SerializeToElement(compute));
            computes.Add(new ManifestCompute(name, compute.Properties.ComputeType, key));
        }

        var endpoints = new List<ManifestEndpoint>();
        foreach (string name in input.OnlineEndpoints)
        {
            string endpointId = MigrationResources.EndpointId(ws, name);
            var endpoint = await arm.GetOnlineEndpointAsync(endpointId).NotFoundAsNullAsync();
            if (endpoint is null) continue;
            string key = await SaveAsync(input, SnapshotKind.Endpoint, name, ArmJson.SerializeToElement(endpoint));
            var deployments = new List<ManifestDeployment>();
            foreach (var deployment in await arm.ListOnlineDeploymentsAsync(endpointId))
            {
                string deploymentKey = await SaveAsync(input, SnapshotKind.Deployment,
                    SnapshotStore.DeploymentName(name, deployment.Name), ArmJson.SerializeToElement(deployment));
                deployments.Add(new ManifestDeployment(deployment.Name, deploymentKey));
            }

            var traffic = endpoint.Properties.Traffic?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                ?? new Dictionary<string, int>(StringComparer.Ordinal);
            endpoints.Add(new ManifestEndpoint(name, key, traffic, deployments));
        }

        // The manifest last: its presence means every definition above is stored. The first writer wins.
        var manifest = await snapshots.CreateManifestAsync(new MigrationManifest
        {
            WorkspaceId = ws,
            WorkspaceKey = SnapshotStore.WorkspaceKey(ws),
            MigrationId = input.MigrationId,
            CreatedAt = input.CapturedAt,
            Computes = computes,
            OnlineEndpoints = endpoints,
            Skipped = input.Skipped,
        });
        return new SnapshotComputesOutput(manifest, snapshots.Location);
    }

    Task<string> SaveAsync(SnapshotComputesInput input, SnapshotKind kind, string name, System.Text.Json.JsonElement definition) =>
        snapshots.SaveAsync(new SnapshotDocument
        {
            Kind = kind,
            Name = name,
            WorkspaceId = input.WorkspaceId,
            MigrationId = input.MigrationId,
            CapturedAt = input.CapturedAt,
            Definition = definition,
        });
}
