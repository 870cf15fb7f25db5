using Microsoft.DurableTask;
using Mnet.Workflows.Activities.Operations;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Orchestrators;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Phases;

/// <summary>
/// Deletes every compute and online endpoint of the manifest (deployments go with their endpoint) in batches of
/// <c>max_parallel_deletes</c>; a failing batch stops further deletes, so a failure leaves as little deleted as can be.
/// </summary>
public static class DeletePhase
{
    /// <summary>Upper bound on one batch (real deletes take minutes).</summary>
    public static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(120);

    public static async Task<DeleteResult> RunAsync(
        TaskOrchestrationContext context, WorkflowTimings timings, MigrationManifest manifest, int maxParallel)
    {
        var nodes = manifest.Computes
            .Select(c => Node(manifest, SnapshotKind.Compute, c.Name, MigrationResources.ComputeLabel(c.Name), PresenceKind.Compute, WorkflowNames.StartDeleteCompute))
            .Concat(manifest.OnlineEndpoints.Select(e =>
                Node(manifest, SnapshotKind.Endpoint, e.Name, MigrationResources.EndpointLabel(e.Name), PresenceKind.OnlineEndpoint, WorkflowNames.StartDeleteOnlineEndpoint)))
            .ToList();
        var done = new List<string>();
        var failed = new List<GraphFailure>();
        var batches = Settle.Batches(nodes, maxParallel);
        for (int b = 0; b < batches.Count; b++)
        {
            var result = await OperationGraph.RunAsync(context, timings, batches[b], maxParallel, BatchTimeout);
            done.AddRange(result.Done);
            failed.AddRange(result.Failed);
            if (failed.Count > 0)
            {
                return new DeleteResult(done, failed, batches.Skip(b + 1).SelectMany(batch => batch.Select(n => n.Label)).ToList());
            }
        }

        return new DeleteResult(done, failed, []);
    }

    static GraphNode Node(MigrationManifest manifest, SnapshotKind kind, string name, string label, PresenceKind presence, string activity) =>
        new(label, presence, new ActivityCall(activity, new StartDeleteInput(manifest.WorkspaceId, manifest.MigrationId, kind, name)),
            Expectation.Gone, After: []);
}
