using Microsoft.DurableTask;
using Mnet.Core.Planning;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration.Activities;
using Mnet.Workflows.Migration.Phases;
using Mnet.Workflows.Orchestrators;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Migration;

/// <summary>
/// Enabling the managed network has no in-place path for computes: every managed compute and online endpoint the
/// PLAN names is snapshotted to the document store (read back), deleted in capped batches, the network steps are
/// applied, the network is provisioned, and everything is recreated FROM THE SNAPSHOTS and verified against them. A
/// plan without a migrate-computes step deletes nothing. Nothing is deleted before every definition is stored; a
/// failed delete batch recreates what it had deleted; after any other failure the snapshots stay and
/// <see cref="ResumeMigration"/> (workspace + migration id) finishes the job.
/// </summary>
public static class MigrateComputes
{
    public static async Task<MigrateComputesOutput> RunAsync(TaskOrchestrationContext context, MigrateComputesInput input)
    {
        var timings = input.Timings ?? WorkflowTimings.Production;
        string ws = input.WorkspaceId;
        string migrationId = input.MigrationId ?? context.NewGuid().ToString();
        var board = new StatusBoard(context, ws, input.Request.TicketId, OrchestrationPhase.Migrating);
        var run = new MigrationRun(board, ws, migrationId);
        int maxParallel = Math.Max(1, input.Policy.ComputeMigration.MaxParallelDeletes);
        var env = new ApplyEnvironment(ws, input.Request, timings, input.Subscriptions);
        try
        {
            SnapshotStore.ValidateMigrationId(migrationId);
        }
        catch (DocumentKeyException e)
        {
            run.Failed("plan", board.Now, new OrchestrationError("InvalidMigrationId", e.Message));
            return run.Finish(MigrationResult.Refused, $"migration id '{migrationId}' cannot name a snapshot folder");
        }

        // 1. The plan, from the workspace as it is now: what to migrate (if anything) and which network steps.
        var started = board.Now;
        run.Start(OrchestrationPhase.Migrating, "plan");
        MigrationPlan plan;
        try
        {
            plan = await context.CallWorkflowActivityAsync<MigrationPlan>(
                WorkflowNames.InventoryComputes, new InventoryComputesInput(ws, input.Policy, board.Now, input.Subscriptions), timings);
        }
        catch (TaskFailedException e)
        {
            run.Failed("plan", started, Failures.Describe(e));
            return run.Finish(MigrationResult.Failed, "could not read or plan the workspace; nothing was changed");
        }

        if (!plan.Found)
        {
            run.Failed("plan", started, new OrchestrationError("WorkspaceNotFound", $"{ws} does not exist"));
            return run.Finish(MigrationResult.Failed, "workspace not found; nothing was changed");
        }

        if (plan.Refused is { } refused)
        {
            run.Failed("plan", started, new OrchestrationError(refused.Rule, refused.Reason));
            return run.Finish(MigrationResult.Refused, refused.Reason);
        }

        var migration = plan.Migration;
        IReadOnlyList<PlanStep> networkSteps = input.NetworkSteps?.Where(MigrationPlan.IsNetworkStep).ToList() ?? plan.NetworkSteps ?? [];
        IReadOnlyList<PlanStep> afterSteps = input.NetworkSteps?.Where(MigrationPlan.IsAfterStep).ToList() ?? plan.AfterSteps ?? [];
        run.Skipped.AddRange(migration?.Skipped.Select(s => $"{s.Name} ({s.ComputeType}): {s.Reason}") ?? []);
        int affected = migration is null ? 0 : migration.Computes.Count + migration.OnlineEndpoints.Count;
        run.Succeeded("plan", started, DescribePlan(migration, networkSteps));

        if (migration is null && networkSteps.Count == 0 && afterSteps.Count == 0)
        {
            return run.Finish(MigrationResult.NothingToMigrate, "nothing to migrate: the plan deletes no compute and changes nothing");
        }

        if (input.DryRun)
        {
            if (migration is not null)
            {
                run.Mark("snapshot", StepStatus.Planned, $"{affected} resource(s)");
                run.Mark("delete", StepStatus.Planned, $"{affected} resource(s)");
            }

            MarkPlanned(board, networkSteps);
            if (migration is not null)
            {
                run.Mark("recreate", StepStatus.Planned, $"{affected} resource(s)");
                run.Mark("verify", StepStatus.Planned, $"{affected} resource(s)");
            }

            MarkPlanned(board, afterSteps);
            return run.Finish(MigrationResult.DryRun, "dry run: nothing was changed");
        }

        MigrationManifest? manifest = null;
        if (migration is not null)
        {
            // 2. Snapshots, before anything is deleted.
            started = board.Now;
            run.Start(OrchestrationPhase.Migrating, "snapshot");
            try
            {
                var saved = await context.CallWorkflowActivityAsync<SnapshotComputesOutput>(WorkflowNames.SnapshotComputes,
                    new SnapshotComputesInput(ws, migrationId, [.. migration.Computes.Select(c => c.Name)],
                        [.. migration.OnlineEndpoints.Select(e => e.Name)], migration.Skipped, board.Now), timings);
                manifest = saved.Manifest;
                run.SnapshotLocation = $"{SnapshotStore.Prefix(ws, migrationId)} in {saved.Location}";
                run.Succeeded("snapshot", started,
                    $"{manifest.Computes.Count} compute(s), {manifest.OnlineEndpoints.Count} endpoint(s), {manifest.DeploymentCount} deployment(s) saved under {SnapshotStore.Prefix(ws, migrationId)}");
            }
            catch (TaskFailedException e)
            {
                run.Failed("snapshot", started, Failures.Describe(e));
                return run.Finish(MigrationResult.Failed, "snapshots could not be saved; nothing was deleted");
            }

            // 3. Approval, when the policy asks for it and the caller has not already obtained it.
            if (migration.Approval == MigrationApproval.RequireApproval && input.Approval is null)
            {
                started = board.Now;
                double hours = input.ApprovalTimeoutHours ?? migration.ApprovalTimeoutHours;
                var answer = await Approval.WaitAsync(context, Approval.DeadlineFor(context, timings, hours), deadline =>
                    board.Waiting([MigrationRun.StepId("delete")], new DateTimeOffset(deadline, TimeSpan.Zero),
                        $"approve deleting and recreating {affected} compute resource(s) (snapshots saved)"));
                if (!answer.IsApproved)
                {
                    bool rejected = answer.Kind == ApprovalOutcomeKind.Rejected;
                    run.Ended("approval", rejected ? StepStatus.Rejected : StepStatus.TimedOut, started, answer.Describe());
                    return run.Finish(rejected ? MigrationResult.Rejected : MigrationResult.ApprovalTimeout,
                        $"{answer.Describe()}; nothing was deleted (snapshots kept)");
                }

                run.Succeeded("approval", started, answer.Describe());
            }

            // 4. Delete, in capped batches; a failing batch stops further deletes and what it deleted comes back.
            started = board.Now;
            run.Start(OrchestrationPhase.Migrating, "delete");
            var deleted = await DeletePhase.RunAsync(context, timings, manifest, maxParallel);
            run.Deleted.AddRange(deleted.Done);
            if (deleted.Failed.Count > 0)
            {
                run.Failed("delete", started,
                    new OrchestrationError("DeleteFailed", string.Join("; ", deleted.Failed.Select(f => $"{f.Label}: {f.Error}"))),
                    $"deleted: {MigrationRun.List(deleted.Done)}; not deleted: {MigrationRun.List([.. deleted.Failed.Select(f => f.Label), .. deleted.NotStarted])}");
                ApplySteps.MarkNotApplied(board, [.. networkSteps, .. afterSteps], "not applied: deleting computes failed");
                return await RestoreDeletedAsync(context, timings, run, manifest, maxParallel);
            }

            run.Succeeded("delete", started, $"deleted {MigrationRun.List(deleted.Done)}");
        }
        else
        {
            run.Mark("snapshot", StepStatus.Skipped, "no managed compute or online endpoint to migrate");
        }

        // 5. The network steps (mode, access, firewall, rules, roles, provisioning) in the plan's order.
        var applied = await ApplySteps.RunAsync(context, networkSteps, env, board);
        if (!applied.Ok)
        {
            run.Missing.AddRange(run.Deleted);
            run.Errors.Add(new OrchestrationError("NetworkStepFailed", $"step {applied.FailedStep} failed"));
            ApplySteps.MarkNotApplied(board, afterSteps, "not applied: a network step failed");
            return run.Finish(MigrationResult.Failed, manifest is null
                ? $"network step {applied.FailedStep} failed"
                : $"network step {applied.FailedStep} failed after deleting; resumeMigration {migrationId} recreates the computes");
        }

        // Nothing was deleted: nothing to create, so no need for a provisioned network either.
        if (manifest is null)
        {
            var after = await ApplySteps.RunAsync(context, afterSteps, env, board);
            return after.Ok
                ? run.Finish(MigrationResult.NothingToMigrate, "no compute to migrate; network steps applied")
                : run.Finish(MigrationResult.Failed, $"step {after.FailedStep} failed");
        }

        // 6. The network must be provisioned before anything is created in it.
        started = board.Now;
        run.Start(OrchestrationPhase.Provisioning, "network-ready");
        var ready = await NetworkReadinessPhase.EnsureAsync(context, timings, ws, input.Policy, input.Request);
        if (!ready.Ok)
        {
            run.Failed("network-ready", started, new OrchestrationError("ProvisioningFailed", ready.Detail));
            run.Missing.AddRange(run.Deleted);
            ApplySteps.MarkNotApplied(board, afterSteps, "not applied: the managed network is not provisioned");
            return run.Finish(MigrationResult.Failed,
                $"the managed network is not provisioned; snapshots kept: resumeMigration {migrationId} recreates the computes");
        }

        if (ready.Provisioned) run.Succeeded("network-ready", started, ready.Detail);

        // 7. Recreate from the snapshots, then verify against them.
        await RecreateAndVerifyPhase.RunAsync(context, timings, run, manifest, ready.InsideManagedNetwork, maxParallel, replaceFailed: false);
        if (run.Errors.Count > 0)
        {
            ApplySteps.MarkNotApplied(board, afterSteps, "not applied: the migration did not complete");
            return run.Finish(MigrationResult.Failed, $"migration {migrationId} incomplete; resumeMigration recreates what is missing");
        }

        var last = await ApplySteps.RunAsync(context, afterSteps, env, board);
        return last.Ok
            ? run.Finish(MigrationResult.Migrated, $"{run.Recreated.Count} resource(s) recreated inside the managed network")
            : run.Finish(MigrationResult.Failed, $"step {last.FailedStep} failed after the migration");
    }

    /// <summary>
    /// A delete batch failed: the network is unchanged, so what was deleted is created again as it was, at once; what
    /// cannot be stays listed as missing (and resumeMigration recreates it).
    /// </summary>
    static async Task<MigrateComputesOutput> RestoreDeletedAsync(
        TaskOrchestrationContext context, WorkflowTimings timings, MigrationRun run, MigrationManifest manifest, int maxParallel)
    {
        var started = run.Board.Now;
        run.Start(OrchestrationPhase.Migrating, "restore");
        bool inside = await NetworkReadinessPhase.IsManagedAsync(context, timings, manifest.WorkspaceId);
        var restored = await RecreatePhase.RunAsync(context, timings, manifest, inside, maxParallel, replaceFailed: false);
        run.Recreated.AddRange(restored.Done);
        run.Missing.AddRange(restored.Failed.Select(f => f.Label));
        if (restored.Failed.Count > 0)
        {
            run.Failed("restore", started,
                new OrchestrationError("RestoreFailed", string.Join("; ", restored.Failed.Select(f => $"{f.Label}: {f.Error}"))),
                $"in place: {MigrationRun.List(restored.Done)}");
            return run.Finish(MigrationResult.Failed,
                $"deleting failed and {MigrationRun.List(run.Missing)} could not be recreated; resumeMigration {manifest.MigrationId} recreates them from the snapshots");
        }

        run.Succeeded("restore", started, $"in place: {MigrationRun.List(restored.Done)}");
        return run.Finish(MigrationResult.Failed,
            $"deleting failed; what was deleted ({MigrationRun.List(run.Deleted)}) was recreated as it was; the network was not changed");
    }

    static string DescribePlan(MigrateComputesParams? migration, IReadOnlyList<PlanStep> networkSteps)
    {
        string computes = migration is null
            ? "no compute to migrate"
            : $"{migration.Computes.Count} compute(s), {migration.OnlineEndpoints.Count} online endpoint(s)" +
              (migration.Skipped.Count > 0 ? $", {migration.Skipped.Count} left in place" : "");
        string network = networkSteps.Count == 0 ? "no network change" : $"network: {MigrationRun.List([.. networkSteps.Select(s => s.Id)], 8)}";
        return $"{computes}; {network}";
    }

    static void MarkPlanned(StatusBoard board, IEnumerable<PlanStep> steps)
    {
        foreach (var step in steps) board.Mark(step.Id, StepKinds.Name(step.Kind), StepStatus.Planned, step.Reason);
    }
}
