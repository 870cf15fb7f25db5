using Microsoft.DurableTask;
using Mnet.Workflows.Activities.Operations;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Phases;

/// <summary>
/// Recreates what is missing of a manifest FROM THE STORE in ONE capped fan-out (<see cref="OperationGraph"/>): every
/// compute side by side with each endpoint's chain endpoint without traffic -> its deployments (in parallel) -> its
/// traffic, so the phase takes about one create time, not one per kind. At most <c>maxParallel</c> operations in
/// flight (the operator's cap on concurrent writes); endpoint chains are listed first, so the longest start first.
/// </summary>
public static class RecreatePhase
{
    /// <summary>Upper bound on one recreate operation.</summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromMinutes(120);

    /// <param name="replaceFailed">
    /// A compute, endpoint or deployment found in state Failed (its create failed) is deleted, waited for, and created
    /// again from its snapshot; without it such a resource is reported failed. Resume sets it.
    /// </param>
    public static Task<GraphResult> RunAsync(
        TaskOrchestrationContext context, WorkflowTimings timings, MigrationManifest manifest, bool insideManagedNetwork,
        int maxParallel, bool replaceFailed)
    {
        string ws = manifest.WorkspaceId;
        string migration = manifest.MigrationId;
        var at = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        StartRecreateInput Recreate(SnapshotKind kind, string name) => new(ws, migration, kind, name, insideManagedNetwork, at);
        ActivityCall? Replace(string activity, SnapshotKind kind, string name) =>
            replaceFailed ? new ActivityCall(activity, new StartDeleteInput(ws, migration, kind, name, DeletePurpose.ReplaceFailed)) : null;

        var nodes = new List<GraphNode>();
        foreach (var e in manifest.OnlineEndpoints)
        {
            string endpoint = MigrationResources.EndpointLabel(e.Name);
            nodes.Add(new GraphNode(endpoint, PresenceKind.OnlineEndpoint,
                new ActivityCall(WorkflowNames.StartRecreateOnlineEndpoint, Recreate(SnapshotKind.Endpoint, e.Name)),
                Expectation.Present, After: [],
                ReplaceFailed: Replace(WorkflowNames.StartDeleteOnlineEndpoint, SnapshotKind.Endpoint, e.Name)));
            var deployments = new List<string>();
            foreach (var d in e.Deployments)
            {
                string name = SnapshotStore.DeploymentName(e.Name, d.Name);
                string label = MigrationResources.DeploymentLabel(e.Name, d.Name);
                deployments.Add(label);
                nodes.Add(new GraphNode(label, PresenceKind.OnlineDeployment,
                    new ActivityCall(WorkflowNames.StartRecreateOnlineDeployment, Recreate(SnapshotKind.Deployment, name)),
                    Expectation.Present, After: [endpoint], BlockedReason: "its endpoint was not recreated",
                    ReplaceFailed: Replace(WorkflowNames.StartDeleteOnlineDeployment, SnapshotKind.Deployment, name)));
            }

            // Traffic only once every deployment it names is back (a failed one already reports why).
            if (e.Traffic.Count > 0)
            {
                nodes.Add(new GraphNode(MigrationResources.TrafficLabel(e.Name), PresenceKind.OnlineEndpoint,
                    new ActivityCall(WorkflowNames.StartRestoreEndpointTraffic, new RestoreTrafficInput(ws, migration, e.Name)),
                    Expectation.Present, After: [endpoint, .. deployments]));
            }
        }

        foreach (var c in manifest.Computes)
        {
            nodes.Add(new GraphNode(MigrationResources.ComputeLabel(c.Name), PresenceKind.Compute,
                new ActivityCall(WorkflowNames.StartRecreateCompute, Recreate(SnapshotKind.Compute, c.Name)),
                Expectation.Present, After: [],
                ReplaceFailed: Replace(WorkflowNames.StartDeleteCompute, SnapshotKind.Compute, c.Name)));
        }

        return OperationGraph.RunAsync(context, timings, nodes, maxParallel, OperationTimeout);
    }
}
