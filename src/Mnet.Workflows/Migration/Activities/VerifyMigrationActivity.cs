using System.Text.Json;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Arm.Recreate;
using Mnet.Core.Resources;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// Re-reads everything a migration recreated and compares it with its snapshot: the writable definition (the same
/// recreate body built from both sides, so read-only fields never count) and each endpoint's traffic; a compute
/// still in a customer subnet inside the managed network, or in state Failed, is a difference too.
/// </summary>
public sealed class VerifyMigrationActivity(IArmClient arm, SnapshotStore snapshots)
    : IWorkflowActivity<VerifyMigrationInput, VerifyMigrationOutput>
{
    public async Task<VerifyMigrationOutput> RunAsync(VerifyMigrationInput input)
    {
        string ws = input.WorkspaceId;
        var manifest = await snapshots.ReadManifestAsync(ws, input.MigrationId)
            ?? throw new SnapshotMissingException(SnapshotStore.ManifestKey(ws, input.MigrationId), snapshots.Location);
        var missing = new List<string>();
        var differences = new List<string>();
        var verified = new List<string>();
        void Record(string label, IEnumerable<string> diffs)
        {
            var list = diffs.ToList();
            if (list.Count == 0) verified.Add(label);
            else differences.AddRange(list.Select(d => $"{label}: {d}"));
        }

        foreach (var c in manifest.Computes)
        {
            string label = MigrationResources.ComputeLabel(c.Name);
            var current = await arm.GetComputeAsync(MigrationResources.ComputeId(ws, c.Name)).NotFoundAsNullAsync();
            if (current is null)
            {
                missing.Add(label);
                continue;
            }

            var saved = (await snapshots.ReadAsync(c.Key)).DefinitionAs<ComputeResource>();
            var diffs = JsonSubset.Differences(
                Json(ComputeRecreate.Body(saved, input.InsideManagedNetwork)),
                Json(ComputeRecreate.Body(current, insideManagedNetwork: false))).ToList();
            if (input.InsideManagedNetwork && HasSubnet(current)) diffs.Add("properties.properties.subnet: still set inside the managed network");
            if (ProvisioningStates.IsFailed(current.Properties.ProvisioningState)) diffs.Add("provisioningState: Failed");
            Record(label, diffs);
        }

        foreach (var e in manifest.OnlineEndpoints)
        {
            string label = MigrationResources.EndpointLabel(e.Name);
            var current = await arm.GetOnlineEndpointAsync(MigrationResources.EndpointId(ws, e.Name)).NotFoundAsNullAsync();
            if (current is null)
            {
                missing.Add(label);
                missing.AddRange(e.Deployments.Select(d => MigrationResources.DeploymentLabel(e.Name, d.Name)));
                continue;
            }

            var saved = (await snapshots.ReadAsync(e.Key)).DefinitionAs<OnlineEndpoint>();
            var diffs = JsonSubset.Differences(
                Json(OnlineEndpointRecreate.Plan(saved).Body), Json(OnlineEndpointRecreate.Plan(current).Body)).ToList();
            if (!TrafficSplits.Same(current.Properties.Traffic, e.Traffic))
            {
                diffs.Add($"traffic: {TrafficSplits.Describe(current.Properties.Traffic)} instead of {TrafficSplits.Describe(e.Traffic)}");
            }

            Record(label, diffs);
            foreach (var d in e.Deployments)
            {
                string deploymentLabel = MigrationResources.DeploymentLabel(e.Name, d.Name);
                var deployment = await arm.GetOnlineDeploymentAsync(MigrationResources.DeploymentId(ws, e.Name, d.Name)).NotFoundAsNullAsync();
                if (deployment is null)
                {
                    missing.Add(deploymentLabel);
                    continue;
                }

                var want = (await snapshots.ReadAsync(d.Key)).DefinitionAs<OnlineDeployment>();
                Record(deploymentLabel, JsonSubset.Differences(
                    Json(OnlineEndpointRecreate.DeploymentBody(want)), Json(OnlineEndpointRecreate.DeploymentBody(deployment))));
            }
        }

        return new VerifyMigrationOutput(missing, differences, verified);
    }

    static JsonElement Json<T>(T body) => ArmJson.SerializeToElement(body);

    static bool HasSubnet(ComputeResource compute) =>
        compute.Properties.Properties is { } props && props.TryGetValue("subnet", out var subnet) &&
        subnet.ValueKind == JsonValueKind.Object && subnet.EnumerateObject().Any();
}
