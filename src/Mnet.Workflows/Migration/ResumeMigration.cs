using Microsoft.DurableTask;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Migration.Phases;
using Mnet.Workflows.Orchestrators;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration;

/// <summary>
/// After a migration stopped past its deletes: recreates what is missing from the snapshots it saved (workspace +
/// migration id), read from the document store the app is composed with, which is where the migration wrote them.
/// Idempotent: whatever exists (and is not Failed) is left alone, so it can run any number of times; a compute,
/// endpoint or deployment left in state Failed by its create is deleted, waited for, and recreated from its
/// snapshot. The managed network is provisioned first when the mode is managed and it is not Active.
/// </summary>
public static class ResumeMigration
{
    /// <summary>Concurrency without a policy.</summary>
    public const int DefaultMaxParallel = 4;

    public static async Task<MigrateComputesOutput> RunAsync(TaskOrchestrationContext context, ResumeMigrationInput input)
    {
        var timings = input.Timings ?? WorkflowTimings.Production;
        string ws = input.WorkspaceId;
        var board = new StatusBoard(context, ws, input.Request.TicketId, OrchestrationPhase.Migrating);
        var run = new MigrationRun(board, ws, input.MigrationId);

        var started = board.Now;
        run.Start(OrchestrationPhase.Migrating, "resume");
        ReadMigrationManifestOutput read;
        try
        {
            read = await context.CallWorkflowActivityAsync<ReadMigrationManifestOutput>(
                WorkflowNames.ReadMigrationManifest, new ReadMigrationManifestInput(ws, input.MigrationId), timings);
        }
        catch (TaskFailedException e)
        {
            run.Failed("resume", started, Failures.Describe(e));
            return run.Finish(MigrationResult.Failed, "the snapshots could not be read; nothing was changed");
        }

        if (read.Manifest is not { } manifest)
        {
            run.Failed("resume", started, new OrchestrationError("ManifestMissing",
                $"no snapshots for migration {input.MigrationId} of this workspace in {read.Location}"));
            return run.Finish(MigrationResult.Failed, $"nothing to resume: no snapshots for migration {input.MigrationId} in {read.Location}");
        }

        run.SnapshotLocation = $"{SnapshotStore.Prefix(ws, input.MigrationId)} in {read.Location}";
        run.Skipped.AddRange(manifest.Skipped.Select(s => $"{s.Name} ({s.ComputeType}): {s.Reason}"));
        run.Succeeded("resume", started,
            $"{manifest.Computes.Count} compute(s), {manifest.OnlineEndpoints.Count} endpoint(s), {manifest.DeploymentCount} deployment(s) saved");

        started = board.Now;
        run.Start(OrchestrationPhase.Provisioning, "network-ready");
        var ready = await NetworkReadinessPhase.EnsureAsync(context, timings, ws, input.Policy, input.Request);
        if (!ready.Ok)
        {
            run.Failed("network-ready", started, new OrchestrationError("ProvisioningFailed", ready.Detail));
            run.Missing.Add("(not checked: the managed network is not provisioned)");
            return run.Finish(MigrationResult.Failed, "the managed network is not provisioned; run resumeMigration again once it is");
        }

        run.Succeeded("network-ready", started, ready.Detail);
        int maxParallel = Math.Max(1, input.Policy?.ComputeMigration.MaxParallelDeletes ?? DefaultMaxParallel);
        await RecreateAndVerifyPhase.RunAsync(context, timings, run, manifest, ready.InsideManagedNetwork, maxParallel, replaceFailed: true);
        return run.Errors.Count == 0
            ? run.Finish(MigrationResult.Migrated, $"migration {input.MigrationId} completed")
            : run.Finish(MigrationResult.Failed, $"migration {input.MigrationId} still incomplete");
    }
}
