/**
 * resumeMigration: after a migration failed past its deletions, recreate what is missing from the snapshots it
 * saved (workspaceId + migrationId). Idempotent: whatever exists (and is not Failed) is left alone, so it can run any
 * number of times; a compute, endpoint or deployment left in state Failed (its create failed) is deleted, waited for,
 * and recreated from its snapshot.
 * The managed network is provisioned first when the mode is managed and it is not Active.
 */
import type { OrchestrationContext } from 'durable-functions';
import { ACTIVITIES } from '../activities/names';
import type { MigrateComputesOutput, ResumeMigrationInput } from '../contracts';
import { migrationPrefix, type MigrationManifest } from '../snapshots/migration-snapshots';
import { describeFailure } from './failure';
import { ensureNetworkReady, migrationPhaseRecorder, migrationStepId, recreatePhase, verifyPhase } from './migration-phases';
import { callActivity } from './retry';
import { StatusBoard } from './status';
import type { Orchestration } from './types';

const DEFAULT_MAX_PARALLEL = 4;

export function* resumeMigrationOrchestrator(context: OrchestrationContext): Orchestration<MigrateComputesOutput> {
  const input = context.df.getInput<ResumeMigrationInput>();
  const ws = input.workspaceId;
  const board = new StatusBoard(context, { workspaceId: ws, phase: 'migrating', ...(input.request.ticketId ? { ticketId: input.request.ticketId } : {}) });
  const out: MigrateComputesOutput = {
    workspaceId: ws,
    migrationId: input.migrationId,
    result: 'failed',
    outcomes: board.outcomes,
    snapshotPrefix: migrationPrefix(ws, input.migrationId),
    deleted: [],
    recreated: [],
    skipped: [],
    missing: [],
    differences: [],
    errors: [],
  };
  const record = migrationPhaseRecorder(board, out.errors);
  const finish = (result: MigrateComputesOutput['result'], message: string): MigrateComputesOutput => {
    out.result = result;
    board.phase(result === 'migrated' ? 'completed' : 'failed', { message });
    return out;
  };

  let started = board.now();
  const manifest = (yield callActivity(context, ACTIVITIES.readMigrationManifest, { workspaceId: ws, migrationId: input.migrationId })) as MigrationManifest | null;
  if (manifest === null) {
    record('resume', 'failed', started, undefined, { code: 'ManifestMissing', message: `no snapshots for migration ${input.migrationId}` });
    return finish('failed', 'nothing to resume: no snapshots for this migration');
  }
  out.skipped = manifest.skipped.map((s) => `${s.name} (${s.computeType}): ${s.reason}`);

  started = board.now();
  board.phase('provisioning', { currentStep: migrationStepId('network-ready') });
  const ready = yield* ensureNetworkReady(context, ws, input.policy, input.request);
  if (!ready.ok) {
    record('network-ready', 'failed', started, undefined, { code: 'ProvisioningFailed', message: ready.detail });
    out.missing = ['(not checked: the managed network is not provisioned)'];
    return finish('failed', 'the managed network is not provisioned; run resumeMigration again once it is');
  }
  record('network-ready', 'succeeded', started, ready.detail);

  started = board.now();
  board.phase('migrating', { currentStep: migrationStepId('recreate') });
  const maxParallel = Math.max(1, input.policy?.compute_migration.max_parallel_deletes ?? DEFAULT_MAX_PARALLEL);
  try {
    // A create that ended Failed left a Failed resource behind: delete it, then recreate it from its snapshot.
    const recreated = yield* recreatePhase(context, ws, input.migrationId, ready.insideManagedNetwork, maxParallel, { replaceFailed: true });
    out.recreated = recreated.recreated;
    const replacedNote = recreated.replaced.length > 0 ? `; replaced (were Failed): ${recreated.replaced.join(', ')}` : '';
    if (recreated.failed.length > 0) {
      out.missing = recreated.failed.map((f) => f.label);
      record('recreate', 'failed', started, `in place: ${recreated.recreated.join(', ') || 'none'}${replacedNote}`, {
        code: 'RecreateFailed',
        message: recreated.failed.map((f) => `${f.label}: ${f.error}`).join('; '),
      });
    } else {
      record('recreate', 'succeeded', started, `in place: ${recreated.recreated.join(', ')}${replacedNote}`);
    }
  } catch (err) {
    record('recreate', 'failed', started, undefined, describeFailure(err));
    return finish('failed', 'recreating failed; snapshots kept');
  }

  started = board.now();
  board.phase('migrating', { currentStep: migrationStepId('verify') });
  try {
    const verified = yield* verifyPhase(context, ws, input.migrationId, ready.insideManagedNetwork);
    out.differences = verified.differences;
    out.missing = [...new Set([...out.missing, ...verified.missing])];
    const ok = verified.differences.length === 0 && verified.missing.length === 0;
    if (ok) record('verify', 'succeeded', started, `${verified.verified.length} verified`);
    else record('verify', 'failed', started, undefined, { code: 'VerificationFailed', message: [...verified.missing.map((m) => `${m} missing`), ...verified.differences].join('; ') });
  } catch (err) {
    record('verify', 'failed', started, undefined, describeFailure(err));
  }
  return out.errors.length === 0 ? finish('migrated', `migration ${input.migrationId} completed`) : finish('failed', `migration ${input.migrationId} still incomplete`);
}
