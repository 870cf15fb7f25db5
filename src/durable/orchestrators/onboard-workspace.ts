/**
 * onboardWorkspace: brings one workspace to its policy. Re-reads it (events are only hints), plans (an activity,
 * so the plan is recorded once), waits for a person when a step needs approval (event vs. timer), then applies the
 * steps in order, the compute migration as its own sub-orchestration. Every step's outcome is in the custom
 * status and the output; a failure stops the run and the output says what was done and what was not.
 */
import type { OrchestrationContext } from 'durable-functions';
import type { Plan } from '../../planner/types';
import type { PlanStep } from '../../planner/steps';
import { ACTIVITIES } from '../activities/names';
import type { ReadWorkspaceStateOutput } from '../activities/read-workspace-state';
import type { ApprovalDecision, MigrateComputesOutput, OnboardWorkspaceInput, OnboardWorkspaceOutput, StepOutcome } from '../contracts';
import { approvalDeadline, waitForApproval } from './approval';
import { applySteps, markNotApplied } from './apply-step';
import { describeFailure } from './failure';
import { callActivity } from './retry';
import { StatusBoard, summarizePlan } from './status';
import { callMigrateComputes } from './sub-orchestrations';
import type { Orchestration } from './types';

/** Steps the migration runs itself, between its delete and recreate phases (see migrate-computes.ts). */
const AFTER_MIGRATION: ReadonlySet<string> = new Set(['set-image-build-compute', 'govern-through-hub']);

export function* onboardWorkspaceOrchestrator(context: OrchestrationContext): Orchestration<OnboardWorkspaceOutput> {
  const input = context.df.getInput<OnboardWorkspaceInput>();
  const ws = input.workspaceId;
  const board = new StatusBoard(context, { workspaceId: ws, phase: 'reading', ...(input.request.ticketId ? { ticketId: input.request.ticketId } : {}) });
  const out: OnboardWorkspaceOutput = { workspaceId: ws, result: 'failed', outcomes: board.outcomes, errors: [] };
  const finish = (result: OnboardWorkspaceOutput['result'], message: string): OnboardWorkspaceOutput => {
    out.result = result;
    board.phase(result === 'failed' ? 'failed' : 'completed', { message });
    return out;
  };
  const fail = (code: string, message: string, summary: string): OnboardWorkspaceOutput => {
    out.errors.push({ code, message });
    return finish('failed', summary);
  };

  // 1. Read (computes, endpoints and approver role state included: the plan needs them).
  let read: ReadWorkspaceStateOutput;
  try {
    read = (yield callActivity(context, ACTIVITIES.readWorkspaceState, { workspaceId: ws, computes: true, roleAssignments: true })) as ReadWorkspaceStateOutput;
  } catch (err) {
    const f = describeFailure(err);
    return fail(f.code, f.message, 'could not read the workspace; nothing was changed');
  }
  if (!read.found) return fail('WorkspaceNotFound', `${ws} does not exist`, 'workspace not found; nothing was changed');

  // 2. Plan.
  board.phase('planning');
  let plan: Plan;
  try {
    plan = (yield callActivity(context, ACTIVITIES.planWorkspace, { policy: input.policy, state: read.state, now: board.now(), ...(input.subscriptions !== undefined ? { subscriptionsInScope: input.subscriptions } : {}) })) as Plan;
  } catch (err) {
    const f = describeFailure(err);
    return fail(f.code, f.message, 'planning failed; nothing was changed');
  }
  out.plan = plan;
  board.plan(summarizePlan(plan));
  if (plan.refused) {
    out.errors.push({ code: plan.refused.rule, message: plan.refused.reason });
    return finish('refused', plan.refused.reason);
  }
  if (plan.compliant) return finish('compliant', 'the workspace already satisfies the policy');
  if (input.dryRun) {
    for (const step of plan.steps) board.mark(step.id, step.kind, 'planned', step.reason);
    return finish('dry-run', `dry run: ${plan.steps.length} step(s) planned, nothing was changed`);
  }

  // 3. Approval for every step that needs one, asked once, before anything is applied.
  const gated = plan.steps.filter((s) => s.flags.needsApproval);
  let approval: ApprovalDecision | undefined;
  if (gated.length > 0) {
    const hours = input.approvalTimeoutHours ?? input.policy.compute_migration.approval_timeout_hours;
    const answer = yield* waitForApproval(context, approvalDeadline(context, hours), (deadline) =>
      board.waiting(gated.map((s) => s.id), deadline, `approval needed for ${gated.map((s) => s.id).join(', ')}`),
    );
    if (answer.kind !== 'approved') {
      const status: StepOutcome['status'] = answer.kind === 'rejected' ? 'rejected' : 'timed-out';
      const detail = answer.kind === 'rejected' ? `rejected by ${answer.decision.approver}${answer.decision.comment ? `: ${answer.decision.comment}` : ''}` : `no answer by ${answer.deadline}`;
      for (const step of plan.steps) board.mark(step.id, step.kind, step.flags.needsApproval ? status : 'skipped', step.flags.needsApproval ? detail : `not applied: ${detail}`);
      return finish(answer.kind === 'rejected' ? 'rejected' : 'approval-timeout', `${detail}; nothing was applied`);
    }
    approval = answer.decision;
  }

  // 4. Apply.
  const env = { workspaceId: ws, request: input.request };
  const migrateStep = plan.steps.find((s) => s.kind === 'migrate-computes');
  let remaining: PlanStep[] = plan.steps;
  if (migrateStep !== undefined) {
    const startedAt = board.now();
    board.phase('migrating', { currentStep: migrateStep.id });
    const migrationId = context.df.newGuid(`migration|${ws}`);
    out.migrationId = migrationId;
    const networkSteps = plan.steps.filter((s) => s.kind !== 'migrate-computes' && !AFTER_MIGRATION.has(s.kind));
    remaining = plan.steps.filter((s) => AFTER_MIGRATION.has(s.kind));
    let migration: MigrateComputesOutput;
    try {
      migration = (yield callMigrateComputes(context, {
        workspaceId: ws,
        policy: input.policy,
        request: input.request,
        migrationId,
        networkSteps,
        ...(approval !== undefined ? { approval } : {}),
        ...(input.approvalTimeoutHours !== undefined ? { approvalTimeoutHours: input.approvalTimeoutHours } : {}),
      })) as MigrateComputesOutput;
    } catch (err) {
      const f = describeFailure(err);
      board.record({ stepId: migrateStep.id, kind: migrateStep.kind, status: 'failed', startedAt, finishedAt: board.now(), error: f });
      markNotApplied(board, [...networkSteps, ...remaining], 'not applied: the migration failed to run');
      return fail(f.code, f.message, `the compute migration failed (migration ${migrationId}); see its snapshots`);
    }
    board.addOutcomes(migration.outcomes);
    const ok = migration.result === 'migrated' || migration.result === 'nothing-to-migrate';
    const detail = `migration ${migrationId}: ${migration.result}; deleted ${migration.deleted.length}, recreated ${migration.recreated.length}` +
      (migration.missing.length > 0 ? `; missing: ${migration.missing.join(', ')}` : '');
    const outcome: StepOutcome = { stepId: migrateStep.id, kind: migrateStep.kind, status: ok ? 'succeeded' : 'failed', startedAt, finishedAt: board.now(), detail };
    if (!ok) outcome.error = migration.errors[0] ?? { code: `Migration${migration.result}`, message: detail };
    board.record(outcome);
    if (!ok) {
      out.errors.push(...migration.errors);
      markNotApplied(board, remaining, `not applied: the compute migration ended ${migration.result}`);
      const result = migration.result === 'rejected' ? 'rejected' : migration.result === 'approval-timeout' ? 'approval-timeout' : migration.result === 'refused' ? 'refused' : 'failed';
      return finish(result, detail);
    }
  }
  const applied = yield* applySteps(context, remaining, env, board);
  if (!applied.ok) {
    const failed = board.outcomes.filter((o) => o.status === 'failed');
    for (const f of failed) if (f.error) out.errors.push(f.error);
    if (out.errors.length === 0) out.errors.push({ code: 'StepFailed', message: `step ${applied.failedStep ?? '?'} failed` });
    const done = board.outcomes.filter((o) => o.status === 'succeeded').map((o) => o.stepId);
    return finish('failed', `step ${applied.failedStep ?? '?'} failed; done: ${done.join(', ') || 'nothing'}`);
  }
  // A project is changed only through its hub: when that is all the plan says, nothing here was applied.
  const hubSteps = plan.steps.filter((s) => s.kind === 'govern-through-hub');
  if (hubSteps.length > 0 && hubSteps.length === plan.steps.length) {
    const hub = hubSteps[0]?.kind === 'govern-through-hub' ? hubSteps[0].params.hubResourceId : '';
    out.errors.push({ code: 'govern-through-hub', message: `a project uses its hub's managed network: onboard the hub ${hub}` });
    return finish('refused', `nothing to change on a project: onboard its hub ${hub}`);
  }
  return finish('applied', `${plan.steps.length} step(s) applied`);
}
