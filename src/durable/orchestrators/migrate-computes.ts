/**
 * migrateComputes: enabling the managed network has no in-place path for computes, so every managed compute and
 * online endpoint is snapshotted to durable storage, deleted (capped fan-out), the network steps are applied
 * (isolation mode, rules, roles, provisioning), and everything is recreated FROM THE SNAPSHOTS and verified.
 * Nothing is deleted before every definition is stored; after a failure the snapshots stay and resumeMigration
 * (workspaceId + migrationId) finishes the job.
 */
import type { OrchestrationContext } from 'durable-functions';
import type { Plan } from '../../planner/types';
import type { PlanStep } from '../../planner/steps';
import { ACTIVITIES } from '../activities/names';
import type { InventoryComputesOutput } from '../activities/inventory-computes';
import type { ReadWorkspaceStateOutput } from '../activities/read-workspace-state';
import type { MigrateComputesInput, MigrateComputesOutput } from '../contracts';
import { migrationPrefix, type MigrationManifest } from '../snapshots/migration-snapshots';
import { approvalDeadline, waitForApproval } from './approval';
import { applySteps, markNotApplied } from './apply-step';
import { describeFailure } from './failure';
import { deletePhase, ensureNetworkReady, migrationPhaseRecorder, migrationStepId, recreatePhase, verifyPhase } from './migration-phases';
import { callActivity } from './retry';
import { StatusBoard } from './status';
import type { Orchestration } from './types';

const AFTER_RECREATE: ReadonlySet<string> = new Set(['set-image-build-compute']);
const NOT_NETWORK: ReadonlySet<string> = new Set(['migrate-computes', 'govern-through-hub', 'set-image-build-compute']);


export function* migrateComputesOrchestrator(context: OrchestrationContext): Orchestration<MigrateComputesOutput> {
  const input = context.df.getInput<MigrateComputesInput>();
  const ws = input.workspaceId;
  const policy = input.policy;
  const migrationId = input.migrationId ?? context.df.newGuid(`migration|${ws}`);
  const board = new StatusBoard(context, { workspaceId: ws, phase: 'migrating', ...(input.request.ticketId ? { ticketId: input.request.ticketId } : {}) });
  const out: MigrateComputesOutput = {
    workspaceId: ws,
    migrationId,
    result: 'failed',
    outcomes: board.outcomes,
    deleted: [],
    recreated: [],
    skipped: [],
    missing: [],
    differences: [],
    errors: [],
  };
  const env = { workspaceId: ws, request: input.request };
  const maxParallel = Math.max(1, policy.compute_migration.max_parallel_deletes);
  const phaseOutcome = migrationPhaseRecorder(board, out.errors);
  const finish = (result: MigrateComputesOutput['result'], message: string): MigrateComputesOutput => {
    out.result = result;
    board.phase(result === 'migrated' || result === 'nothing-to-migrate' || result === 'dry-run' ? 'completed' : 'failed', { message });
    return out;
  };

  // 1. Inventory: what would be touched, and what cannot be.
  let started = board.now();
  board.phase('migrating', { currentStep: migrationStepId('inventory') });
  let inventory: InventoryComputesOutput;
  try {
    inventory = (yield callActivity(context, ACTIVITIES.inventoryComputes, { workspaceId: ws })) as InventoryComputesOutput;
  } catch (err) {
    phaseOutcome('inventory', 'failed', started, undefined, describeFailure(err));
    return finish('failed', 'could not read the computes; nothing was changed');
  }
  const { migrate, endpoints, unsupported } = inventory.inventory;
  out.skipped = unsupported.map((u) => `${u.name} (${u.computeType}): ${u.reason}`);
  if (unsupported.length > 0 && !policy.compute_migration.skip_unsupported) {
    const reason = `Computes not supported in a managed network: ${out.skipped.join('; ')}. Remove them, or set compute_migration.skip_unsupported to leave them in place.`;
    phaseOutcome('inventory', 'failed', started, undefined, { code: 'UnsupportedComputes', message: reason });
    return finish('refused', reason);
  }
  const affected = migrate.length + endpoints.length;
  if (affected > 0 && policy.compute_migration.mode === 'never') {
    const reason = 'compute_migration.mode is never, and enabling the managed network deletes and recreates every managed compute';
    phaseOutcome('inventory', 'failed', started, undefined, { code: 'MigrationNotAllowed', message: reason });
    return finish('refused', reason);
  }
  phaseOutcome('inventory', 'succeeded', started, `${migrate.length} compute(s), ${endpoints.length} online endpoint(s)${unsupported.length > 0 ? `, ${unsupported.length} left in place` : ''}`);

  // 2. The network steps: given by the onboarding, or planned now (before anything is deleted, so a refusal costs nothing).
  let networkSteps: PlanStep[];
  let afterSteps: PlanStep[] = [];
  if (input.networkSteps !== undefined) {
    networkSteps = input.networkSteps.filter((s) => !NOT_NETWORK.has(s.kind));
    afterSteps = input.networkSteps.filter((s) => AFTER_RECREATE.has(s.kind));
  } else {
    started = board.now();
    try {
      const read = (yield callActivity(context, ACTIVITIES.readWorkspaceState, { workspaceId: ws, computes: false, roleAssignments: true })) as ReadWorkspaceStateOutput;
      if (!read.found) {
        phaseOutcome('plan', 'failed', started, undefined, { code: 'WorkspaceNotFound', message: `${ws} does not exist` });
        return finish('failed', 'workspace not found; nothing was changed');
      }
      const plan = (yield callActivity(context, ACTIVITIES.planWorkspace, { policy, state: read.state, now: board.now() })) as Plan;
      if (plan.refused) {
        phaseOutcome('plan', 'failed', started, undefined, { code: plan.refused.rule, message: plan.refused.reason });
        return finish('refused', plan.refused.reason);
      }
      networkSteps = plan.steps.filter((s) => !NOT_NETWORK.has(s.kind));
      afterSteps = plan.steps.filter((s) => AFTER_RECREATE.has(s.kind));
      phaseOutcome('plan', 'succeeded', started, networkSteps.map((s) => s.id).join(', ') || 'no network change needed');
    } catch (err) {
      phaseOutcome('plan', 'failed', started, undefined, describeFailure(err));
      return finish('failed', 'could not plan the network change; nothing was changed');
    }
  }

  if (input.dryRun === true) {
    for (const phase of ['snapshot', 'delete']) board.mark(migrationStepId(phase), 'migrate-computes', 'planned', `${affected} resource(s)`);
    for (const step of networkSteps) board.mark(step.id, step.kind, 'planned', step.reason);
    for (const phase of ['recreate', 'verify']) board.mark(migrationStepId(phase), 'migrate-computes', 'planned', `${affected} resource(s)`);
    for (const step of afterSteps) board.mark(step.id, step.kind, 'planned', step.reason);
    return finish('dry-run', 'dry run: nothing was changed');
  }

  let manifest: MigrationManifest | undefined;
  if (affected > 0) {
    // 3. Snapshots, before anything is deleted.
    started = board.now();
    board.phase('migrating', { currentStep: migrationStepId('snapshot') });
    try {
      manifest = (yield callActivity(context, ACTIVITIES.snapshotComputes, {
        workspaceId: ws,
        migrationId,
        computes: migrate.map((c) => c.name),
        onlineEndpoints: endpoints.map((e) => e.name),
        skipped: unsupported,
        capturedAt: board.now(),
      })) as MigrationManifest;
      out.snapshotPrefix = migrationPrefix(ws, migrationId);
      const deployments = manifest.onlineEndpoints.reduce((n, e) => n + e.deployments.length, 0);
      phaseOutcome('snapshot', 'succeeded', started, `${manifest.computes.length} compute(s), ${manifest.onlineEndpoints.length} endpoint(s), ${deployments} deployment(s) saved under ${out.snapshotPrefix}`);
    } catch (err) {
      phaseOutcome('snapshot', 'failed', started, undefined, describeFailure(err));
      return finish('failed', 'snapshots could not be saved; nothing was deleted');
    }

    // 4. Approval, when the policy asks for it and the caller has not already obtained it.
    if (policy.compute_migration.mode === 'require_approval' && input.approval === undefined) {
      started = board.now();
      const hours = input.approvalTimeoutHours ?? policy.compute_migration.approval_timeout_hours;
      const answer = yield* waitForApproval(context, approvalDeadline(context, hours), (deadline) =>
        board.waiting([migrationStepId('delete')], deadline, `approve deleting and recreating ${affected} compute resource(s) (snapshots saved)`),
      );
      if (answer.kind !== 'approved') {
        const status = answer.kind === 'rejected' ? 'rejected' : 'timed-out';
        const detail = answer.kind === 'rejected' ? `rejected by ${answer.decision.approver}${answer.decision.comment ? `: ${answer.decision.comment}` : ''}` : `no answer by ${answer.deadline}`;
        phaseOutcome('approval', status, started, detail);
        return finish(answer.kind === 'rejected' ? 'rejected' : 'approval-timeout', `${detail}; nothing was deleted (snapshots kept)`);
      }
      phaseOutcome('approval', 'succeeded', started, `approved by ${answer.decision.approver}`);
    }

    // 5. Delete, capped fan-out; a failing batch stops further deletes.
    started = board.now();
    board.phase('migrating', { currentStep: migrationStepId('delete') });
    const deleted = yield* deletePhase(context, manifest, maxParallel);
    out.deleted = deleted.done;
    if (deleted.failed.length > 0) {
      const message = `${deleted.failed.map((f) => `${f.label}: ${f.error}`).join('; ')}`;
      phaseOutcome('delete', 'failed', started, `deleted: ${deleted.done.join(', ') || 'none'}; not deleted: ${[...deleted.failed.map((f) => f.label), ...deleted.notStarted].join(', ')}`, {
        code: 'DeleteFailed',
        message,
      });
      out.missing = [...deleted.done];
      markNotApplied(board, [...networkSteps, ...afterSteps], 'not applied: deleting computes failed');
      return finish('failed', `deleting failed; snapshots kept: resumeMigration ${migrationId} recreates what was deleted`);
    }
    phaseOutcome('delete', 'succeeded', started, `deleted ${deleted.done.join(', ')}`);
  } else {
    board.mark(migrationStepId('snapshot'), 'migrate-computes', 'skipped', 'no managed compute or online endpoint to migrate');
  }

  // 6. Network steps (mode, access, firewall, rules, roles, provisioning) in the plan's order.
  const applied = yield* applySteps(context, networkSteps, env, board);
  if (!applied.ok) {
    out.missing = [...out.deleted];
    out.errors.push({ code: 'NetworkStepFailed', message: `step ${applied.failedStep ?? '?'} failed` });
    markNotApplied(board, afterSteps, 'not applied: a network step failed');
    return finish('failed', manifest ? `network step ${applied.failedStep ?? ''} failed after deleting; resumeMigration ${migrationId} recreates the computes` : `network step ${applied.failedStep ?? ''} failed`);
  }

  // 7. The network must be provisioned before anything is created in it.
  started = board.now();
  board.phase('provisioning', { currentStep: migrationStepId('network-ready') });
  const ready = yield* ensureNetworkReady(context, ws, policy, input.request);
  if (!ready.ok) {
    phaseOutcome('network-ready', 'failed', started, undefined, { code: 'ProvisioningFailed', message: ready.detail });
    out.missing = [...out.deleted];
    markNotApplied(board, afterSteps, 'not applied: the managed network is not provisioned');
    return finish('failed', `the managed network is not provisioned; snapshots kept: resumeMigration ${migrationId} recreates the computes`);
  }
  if (ready.provisioned) phaseOutcome('network-ready', 'succeeded', started, ready.detail);

  if (manifest === undefined) {
    const after = yield* applySteps(context, afterSteps, env, board);
    return after.ok ? finish('nothing-to-migrate', 'no compute to migrate; network steps applied') : finish('failed', `step ${after.failedStep ?? ''} failed`);
  }

  // 8. Recreate from the snapshots, then verify against them.
  started = board.now();
  board.phase('migrating', { currentStep: migrationStepId('recreate') });
  try {
    const recreated = yield* recreatePhase(context, ws, migrationId, ready.insideManagedNetwork, maxParallel);
    out.recreated = recreated.recreated;
    if (recreated.failed.length > 0) {
      out.missing = recreated.failed.map((f) => f.label);
      phaseOutcome('recreate', 'failed', started, `recreated: ${recreated.recreated.join(', ') || 'none'}`, {
        code: 'RecreateFailed',
        message: recreated.failed.map((f) => `${f.label}: ${f.error}`).join('; '),
      });
    } else {
      phaseOutcome('recreate', 'succeeded', started, `recreated ${recreated.recreated.join(', ')}`);
    }
  } catch (err) {
    out.missing = [...out.deleted];
    phaseOutcome('recreate', 'failed', started, undefined, describeFailure(err));
    return finish('failed', `recreating failed; snapshots kept: resumeMigration ${migrationId}`);
  }

  started = board.now();
  board.phase('migrating', { currentStep: migrationStepId('verify') });
  try {
    const verified = yield* verifyPhase(context, ws, migrationId, ready.insideManagedNetwork);
    out.differences = verified.differences;
    out.missing = [...new Set([...out.missing, ...verified.missing])];
    const ok = verified.differences.length === 0 && verified.missing.length === 0;
    const detail = `${verified.verified.length} verified${verified.missing.length > 0 ? `; missing: ${verified.missing.join(', ')}` : ''}`;
    if (ok) phaseOutcome('verify', 'succeeded', started, detail);
    else phaseOutcome('verify', 'failed', started, detail, { code: 'VerificationFailed', message: [...verified.missing.map((m) => `${m} missing`), ...verified.differences].join('; ') });
  } catch (err) {
    phaseOutcome('verify', 'failed', started, undefined, describeFailure(err));
  }
  if (out.errors.length > 0) {
    markNotApplied(board, afterSteps, 'not applied: the migration did not complete');
    return finish('failed', `migration ${migrationId} incomplete; resumeMigration recreates what is missing`);
  }
  const after = yield* applySteps(context, afterSteps, env, board);
  if (!after.ok) return finish('failed', `step ${after.failedStep ?? ''} failed after the migration`);
  return finish('migrated', `${out.recreated.length} resource(s) recreated inside the managed network`);
}
