using Microsoft.DurableTask;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Orchestrators;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration.Phases;

/// <summary>The end of every migration and resume: create again what is missing, then compare it with the snapshots.</summary>
internal static class RecreateAndVerifyPhase
{
    /// <summary>
    /// Recreate (in one fan-out) and verify, recording both phases: shared by <see cref="MigrateComputes"/> and
    /// <see cref="ResumeMigration"/>, which replaces resources left Failed by their create.
    /// </summary>
    public static async Task RunAsync(
        TaskOrchestrationContext context, WorkflowTimings timings, MigrationRun run, MigrationManifest manifest,
        bool insideManagedNetwork, int maxParallel, bool replaceFailed)
    {
        var started = run.Board.Now;
        run.Start(OrchestrationPhase.Migrating, "recreate");
        var recreated = await RecreatePhase.RunAsync(context, timings, manifest, insideManagedNetwork, maxParallel, replaceFailed);
        run.Recreated.AddRange(recreated.Done);
        string replacedNote = recreated.Replaced.Count > 0 ? $"; replaced (were Failed): {MigrationRun.List(recreated.Replaced)}" : "";
        string detail = $"in place: {MigrationRun.List(recreated.Done)}{replacedNote}";
        if (recreated.Failed.Count > 0)
        {
            run.Missing.AddRange(recreated.Failed.Select(f => f.Label));
            run.Failed("recreate", started,
                new OrchestrationError("RecreateFailed", string.Join("; ", recreated.Failed.Select(f => $"{f.Label}: {f.Error}"))), detail);
        }
        else
        {
            run.Succeeded("recreate", started, detail);
        }

        started = run.Board.Now;
        run.Start(OrchestrationPhase.Migrating, "verify");
        try
        {
            var verified = await context.CallWorkflowActivityAsync<VerifyMigrationOutput>(WorkflowNames.VerifyMigration,
                new VerifyMigrationInput(manifest.WorkspaceId, manifest.MigrationId, insideManagedNetwork), timings);
            run.Differences.AddRange(verified.Differences);
            run.Missing.AddRange(verified.Missing);
            string verifiedDetail = $"{verified.Verified.Count} verified{(verified.Missing.Count > 0 ? $"; missing: {MigrationRun.List(verified.Missing)}" : "")}";
            if (verified.Missing.Count == 0 && verified.Differences.Count == 0)
            {
                run.Succeeded("verify", started, verifiedDetail);
            }
            else
            {
                run.Failed("verify", started, new OrchestrationError("VerificationFailed",
                    string.Join("; ", verified.Missing.Select(m => $"{m} missing").Concat(verified.Differences))), verifiedDetail);
            }
        }
        catch (TaskFailedException e)
        {
            run.Failed("verify", started, Failures.Describe(e));
        }
    }
}
