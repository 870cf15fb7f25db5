using Microsoft.DurableTask;
using Mnet.Core.Planning;
using Mnet.Workflows.Activities;
using Mnet.Workflows.Activities.State;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Migration;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// onboardWorkspace: brings one workspace to its policy. Re-reads it (events are only hints), plans (an activity, so
/// the plan is recorded once), waits for a person when a step needs approval (event against a deadline), then
/// applies the steps in order, the compute migration as its own sub-orchestration. Every step's outcome is in the
/// custom status and the output; a failure stops the run and the output says what was done and what was not.
/// </summary>
public static class OnboardWorkspace
{
    /// <summary>Steps the onboarding applies itself after the migration (the migration runs the network steps between its delete and recreate phases).</summary>
    static readonly HashSet<StepKind> AfterMigration = [StepKind.SetImageBuildCompute, StepKind.GovernThroughHub];

    public static async Task<OnboardWorkspaceOutput> RunAsync(TaskOrchestrationContext context, OnboardWorkspaceInput input)
    {
        var timings = input.Timings ?? WorkflowTimings.Production;
        string ws = input.WorkspaceId;
        var board = new StatusBoard(context, ws, input.Request.TicketId, OrchestrationPhase.Reading);
        var errors = new List<OrchestrationError>();
        Plan? plan = null;
        string? migrationId = null;
        OnboardWorkspaceOutput Finish(OnboardResult result, string message)
        {
            board.Phase(result == OnboardResult.Failed ? OrchestrationPhase.Failed : OrchestrationPhase.Completed, message: message);
            return new OnboardWorkspaceOutput
            {
                WorkspaceId = ws, Result = result, Plan = plan, Outcomes = [.. board.Outcomes], Errors = errors, MigrationId = migrationId,
            };
        }

        OnboardWorkspaceOutput Fail(OrchestrationError error, string summary)
        {
            errors.Add(error);
            return Finish(OnboardResult.Failed, summary);
        }

        // 1. Read (computes, endpoints, approver role state and the app's own permissions included: the plan needs them).
        ReadWorkspaceStateOutput read;
        try
        {
            read = await context.CallWorkflowActivityAsync<ReadWorkspaceStateOutput>(WorkflowNames.ReadWorkspaceState,
                new ReadWorkspaceStateInput(ws, Computes: true, RoleAssignments: true, input.Policy), timings);
        }
        catch (TaskFailedException e)
        {
            return Fail(Failures.Describe(e), "could not read the workspace; nothing was changed");
        }

        if (!read.Found || read.State is null)
        {
            return Fail(new OrchestrationError("WorkspaceNotFound", $"{ws} does not exist"), "workspace not found; nothing was changed");
        }

        // 2. Plan.
        board.Phase(OrchestrationPhase.Planning);
        try
        {
            plan = await context.CallWorkflowActivityAsync<Plan>(WorkflowNames.PlanWorkspace,
                new PlanWorkspaceInput(input.Policy, read.State, board.Now, input.Subscriptions), timings);
        }
        catch (TaskFailedException e)
        {
            return Fail(Failures.Describe(e), "planning failed; nothing was changed");
        }

        board.Plan(PlanSummaries.Summarize(plan));
        if (plan.Refused is { } refused)
        {
            errors.Add(new OrchestrationError(refused.Rule, refused.Reason));
            return Finish(OnboardResult.Refused, refused.Reason);
        }

        if (plan.Compliant) return Finish(OnboardResult.Compliant, "the workspace already satisfies the policy");
        if (input.DryRun)
        {
            foreach (var step in plan.Steps) board.Mark(step.Id, StepKinds.Name(step.Kind), StepStatus.Planned, step.Reason);
            return Finish(OnboardResult.DryRun, $"dry run: {plan.Steps.Count} step(s) planned, nothing was changed");
        }

        // 3. Approval for every step that needs one, asked once, before anything is applied.
        var gated = plan.Steps.Where(s => s.Flags.NeedsApproval).Select(s => s.Id).ToList();
        ApprovalDecision? approval = null;
        if (gated.Count > 0)
        {
            double hours = input.ApprovalTimeoutHours ?? input.Policy.ComputeMigration.ApprovalTimeoutHours;
            var answer = await Approval.WaitAsync(context, Approval.DeadlineFor(context, timings, hours),
                deadline => board.Waiting(gated, new DateTimeOffset(deadline, TimeSpan.Zero), $"approval needed for {string.Join(", ", gated)}"));
            if (!answer.IsApproved)
            {
                var status = answer.Kind == ApprovalOutcomeKind.Rejected ? StepStatus.Rejected : StepStatus.TimedOut;
                string detail = answer.Describe();
                foreach (var step in plan.Steps)
                {
                    board.Mark(step.Id, StepKinds.Name(step.Kind), step.Flags.NeedsApproval ? status : StepStatus.Skipped,
                        step.Flags.NeedsApproval ? detail : $"not applied: {detail}");
                }

                return Finish(answer.Kind == ApprovalOutcomeKind.Rejected ? OnboardResult.Rejected : OnboardResult.ApprovalTimeout,
                    $"{detail}; nothing was applied");
            }

            approval = answer.Decision;
        }

        // 4. Apply: the migration first when there is one (it applies the network steps itself, between its phases).
        var env = new ApplyEnvironment(ws, input.Request, timings, input.Subscriptions);
        IReadOnlyList<PlanStep> remaining = plan.Steps;
        if (plan.Steps.FirstOrDefault(s => s is MigrateComputesStep) is { } migrateStep)
        {
            var startedAt = board.Now;
            board.Phase(OrchestrationPhase.Migrating, migrateStep.Id);
            migrationId = context.NewGuid().ToString();
            var networkSteps = plan.Steps.Where(s => s is not MigrateComputesStep && !AfterMigration.Contains(s.Kind)).ToList();
            remaining = plan.Steps.Where(s => AfterMigration.Contains(s.Kind)).ToList();
            MigrateComputesOutput migration;
            try
            {
                migration = await SubOrchestrations.MigrateComputesAsync(context, new MigrateComputesInput
                {
                    WorkspaceId = ws,
                    Policy = input.Policy,
                    Request = input.Request,
                    MigrationId = migrationId,
                    NetworkSteps = networkSteps,
                    Approval = approval,
                    ApprovalTimeoutHours = input.ApprovalTimeoutHours,
                    Subscriptions = input.Subscriptions,
                    Timings = timings,
                });
            }
            catch (TaskFailedException e)
            {
                var f = Failures.Describe(e);
                board.Record(new StepOutcome(migrateStep.Id, StepKinds.MigrateComputes, StepStatus.Failed, startedAt, board.Now, Error: f));
                ApplySteps.MarkNotApplied(board, [.. networkSteps, .. remaining], "not applied: the migration failed to run");
                return Fail(f, $"the compute migration failed (migration {migrationId}); see its snapshots");
            }

            board.AddOutcomes(migration.Outcomes);
            bool ok = migration.Result is MigrationResult.Migrated or MigrationResult.NothingToMigrate;
            string detail = $"migration {migrationId}: {Describe(migration.Result)}; deleted {migration.Deleted.Count}, recreated {migration.Recreated.Count}" +
                            (migration.Missing.Count > 0 ? $"; missing: {string.Join(", ", migration.Missing)}" : "");
            board.Record(new StepOutcome(migrateStep.Id, StepKinds.MigrateComputes, ok ? StepStatus.Succeeded : StepStatus.Failed, startedAt, board.Now, detail,
                ok ? null : migration.Errors.FirstOrDefault() ?? new OrchestrationError($"Migration{migration.Result}", detail)));
            if (!ok)
            {
                errors.AddRange(migration.Errors);
                ApplySteps.MarkNotApplied(board, remaining, $"not applied: the compute migration ended {Describe(migration.Result)}");
                return Finish(migration.Result switch
                {
                    MigrationResult.Rejected => OnboardResult.Rejected,
                    MigrationResult.ApprovalTimeout => OnboardResult.ApprovalTimeout,
                    MigrationResult.Refused => OnboardResult.Refused,
                    _ => OnboardResult.Failed,
                }, detail);
            }
        }

        var applied = await ApplySteps.RunAsync(context, remaining, env, board);
        if (!applied.Ok)
        {
            errors.AddRange(board.Outcomes.Where(o => o.Status == StepStatus.Failed && o.Error is not null).Select(o => o.Error!));
            if (errors.Count == 0) errors.Add(new OrchestrationError("StepFailed", $"step {applied.FailedStep ?? "?"} failed"));
            var done = board.Outcomes.Where(o => o.Status == StepStatus.Succeeded).Select(o => o.StepId).ToList();
            return Finish(OnboardResult.Failed, $"step {applied.FailedStep ?? "?"} failed; done: {(done.Count > 0 ? string.Join(", ", done) : "nothing")}");
        }

        // A project is changed only through its hub: when that is all the plan says, nothing here was applied.
        var hubSteps = plan.Steps.OfType<GovernThroughHubStep>().ToList();
        if (hubSteps.Count > 0 && hubSteps.Count == plan.Steps.Count)
        {
            string hub = hubSteps[0].Params.HubResourceId;
            errors.Add(new OrchestrationError(StepKinds.GovernThroughHub, $"a project uses its hub's managed network: onboard the hub {hub}"));
            return Finish(OnboardResult.Refused, $"nothing to change on a project: onboard its hub {hub}");
        }

        return Finish(OnboardResult.Applied, $"{plan.Steps.Count} step(s) applied");
    }

    static string Describe(MigrationResult result) => result switch
    {
        MigrationResult.Migrated => "migrated",
        MigrationResult.NothingToMigrate => "nothing-to-migrate",
        MigrationResult.DryRun => "dry-run",
        MigrationResult.Refused => "refused",
        MigrationResult.Rejected => "rejected",
        MigrationResult.ApprovalTimeout => "approval-timeout",
        _ => "failed",
    };
}
