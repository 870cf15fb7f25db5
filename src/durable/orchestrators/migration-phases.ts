/**
 * The phases a compute migration shares with resumeMigration: delete (batched, capped), make sure the managed
 * network is provisioned, recreate from the snapshot store, verify. Each phase reports what it did and what it
 * did not, so a failure never leaves an unrecorded half-change.
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import { PROVISIONING_ESTIMATE_MINUTES } from '../../catalog/provisioning';
import type { Policy } from '../../policy/types';
import { ACTIVITIES } from '../activities/names';
import type { PresenceKind } from '../activities/operations';
import type { NetworkStatus } from '../activities/read-network-status';
import type { StartOutcome } from '../activities/start-delete';
import type { VerifyMigrationOutput } from '../activities/verify-migration';
import type { ProvisionNetworkOutput, RequestMetadata, StepOutcome } from '../contracts';
import type { MigrationManifest } from '../snapshots/migration-snapshots';
import type { StatusBoard } from './status';
import { awaitOperations, type OperationResult, type StartedOperation } from './await-operations';
import { describeFailure } from './failure';
import { addMinutes } from './poll';
import { callActivity } from './retry';
import { batches, settleAll } from './settle';
import { runOperationGraph, type GraphNode } from './operation-graph';
import { callProvisionNetwork } from './sub-orchestrations';
import type { Orchestration } from './types';

/** Upper bound on one batch of compute operations, or on one recreate operation (real deletes/creates take minutes). */
export const OPERATION_BATCH_TIMEOUT_MINUTES = 120;

export interface WorkItem {
  label: string;
  kind: PresenceKind;
  activity: string;
  input: unknown;
}

export interface PhaseResult {
  done: string[];
  failed: { label: string; error: string }[];
  /** Not attempted because an earlier batch failed. */
  notStarted: string[];
}

/** Starts each batch's operations in parallel, waits for them on timers, and stops after a failing batch when asked. */
export function* runBatches(
  context: OrchestrationContext,
  items: WorkItem[],
  maxParallel: number,
  expect: 'gone' | 'present',
  stopOnFailure: boolean,
): Orchestration<PhaseResult> {
  const result: PhaseResult = { done: [], failed: [], notStarted: [] };
  const groups = batches(items, maxParallel);
  for (let g = 0; g < groups.length; g += 1) {
    const group = groups[g] as WorkItem[];
    const starts = yield* settleAll<StartOutcome>(context, group.map((item): Task => callActivity(context, item.activity, item.input)));
    const started: StartedOperation[] = [];
    starts.forEach((s, i) => {
      const item = group[i] as WorkItem;
      if (s.ok) started.push({ label: item.label, kind: item.kind, expect, start: s.value });
      else result.failed.push({ label: item.label, error: `${s.error.code}: ${s.error.message}` });
    });
    const finished: OperationResult[] = yield* awaitOperations(context, started, addMinutes(context.df.currentUtcDateTime, OPERATION_BATCH_TIMEOUT_MINUTES));
    for (const r of finished) {
      if (r.ok) result.done.push(r.label);
      else result.failed.push({ label: r.label, error: r.error ?? 'failed' });
    }
    if (stopOnFailure && result.failed.length > 0) {
      result.notStarted = groups.slice(g + 1).flat().map((i) => i.label);
      break;
    }
  }
  return result;
}

export function computeLabel(name: string): string {
  return `compute ${name}`;
}
export function endpointLabel(name: string): string {
  return `endpoint ${name}`;
}
export function deploymentLabel(endpoint: string, name: string): string {
  return `deployment ${endpoint}/${name}`;
}

/** Every compute and endpoint of the manifest (deployments go with their endpoint). */
export function* deletePhase(context: OrchestrationContext, manifest: MigrationManifest, maxParallel: number): Orchestration<PhaseResult> {
  const ws = manifest.workspaceId;
  const items: WorkItem[] = [
    ...manifest.computes.map((c) => ({ label: computeLabel(c.name), kind: 'compute' as const, activity: ACTIVITIES.startDeleteCompute, input: { workspaceId: ws, name: c.name } })),
    ...manifest.onlineEndpoints.map((e) => ({
      label: endpointLabel(e.name),
      kind: 'onlineEndpoint' as const,
      activity: ACTIVITIES.startDeleteOnlineEndpoint,
      input: { workspaceId: ws, name: e.name },
    })),
  ];
  return yield* runBatches(context, items, maxParallel, 'gone', true);
}

export interface RecreateResult {
  recreated: string[];
  failed: { label: string; error: string }[];
  /** Found in state Failed, deleted and recreated from the snapshot (resumeMigration only). */
  replaced: string[];
}

export interface RecreateOptions {
  /**
   * A compute, endpoint or deployment found in state Failed is deleted (and waited for), then recreated from its
   * snapshot; without it such a resource is reported failed. resumeMigration sets it.
   */
  replaceFailed?: boolean;
}

/**
 * Reads the manifest back from the store and recreates what is missing in ONE capped fan-out: every compute create,
 * and per endpoint the chain endpoint -> its deployments (in parallel) -> its traffic, all running side by side, so
 * the phase takes about one create time (plus the chain's later links), not one per kind.
 *
 * Concurrency: at most `maxParallel` operations in flight at any time (a sliding window, not batches). Callers pass
 * the policy's compute_migration.max_parallel_deletes: the same cap on concurrent writes the operator set for the
 * deletes (the client's per-subscription budget still spaces the requests). Endpoint chains are listed first, so
 * with a small cap the longest chains start first.
 */
export function* recreatePhase(
  context: OrchestrationContext,
  workspaceId: string,
  migrationId: string,
  insideManagedNetwork: boolean,
  maxParallel: number,
  options: RecreateOptions = {},
): Orchestration<RecreateResult> {
  const manifest = (yield callActivity(context, ACTIVITIES.readMigrationManifest, { workspaceId, migrationId })) as MigrationManifest | null;
  if (manifest === null) throw new Error(`[ManifestMissing] no snapshots for migration ${migrationId} of ${workspaceId}`);
  const base = { workspaceId, migrationId };
  const replace = options.replaceFailed === true;

  const nodes: GraphNode[] = [];
  for (const e of manifest.onlineEndpoints) {
    const endpoint = endpointLabel(e.name);
    nodes.push({
      label: endpoint,
      kind: 'onlineEndpoint',
      activity: ACTIVITIES.startRecreateOnlineEndpoint,
      input: { ...base, endpoint: e.name },
      after: [],
      ...(replace ? { replaceFailed: { activity: ACTIVITIES.startDeleteOnlineEndpoint, input: { workspaceId, name: e.name } } } : {}),
    });
    const deployments = e.deployments.map((d) => deploymentLabel(e.name, d.name));
    e.deployments.forEach((d, i) => {
      nodes.push({
        label: deployments[i] as string,
        kind: 'onlineDeployment',
        activity: ACTIVITIES.startRecreateOnlineDeployment,
        input: { ...base, endpoint: e.name, deployment: d.name },
        after: [endpoint],
        blockedReason: 'its endpoint was not recreated',
        ...(replace ? { replaceFailed: { activity: ACTIVITIES.startDeleteOnlineDeployment, input: { workspaceId, endpoint: e.name, deployment: d.name } } } : {}),
      });
    });
    // Traffic only once every deployment it names is back (a failed one already reports why).
    if (Object.keys(e.traffic).length > 0) {
      nodes.push({
        label: `traffic ${e.name}`,
        kind: 'onlineEndpoint',
        activity: ACTIVITIES.startRestoreEndpointTraffic,
        input: { ...base, endpoint: e.name },
        after: [endpoint, ...deployments],
      });
    }
  }
  for (const c of manifest.computes) {
    nodes.push({
      label: computeLabel(c.name),
      kind: 'compute',
      activity: ACTIVITIES.startRecreateCompute,
      input: { ...base, name: c.name, insideManagedNetwork },
      after: [],
      ...(replace ? { replaceFailed: { activity: ACTIVITIES.startDeleteCompute, input: { workspaceId, name: c.name } } } : {}),
    });
  }
  const result = yield* runOperationGraph(context, nodes, maxParallel, OPERATION_BATCH_TIMEOUT_MINUTES);
  return { recreated: result.done, failed: result.failed, replaced: result.replaced };
}

export function* verifyPhase(context: OrchestrationContext, workspaceId: string, migrationId: string, insideManagedNetwork: boolean): Orchestration<VerifyMigrationOutput> {
  return (yield callActivity(context, ACTIVITIES.verifyMigration, { workspaceId, migrationId, insideManagedNetwork })) as VerifyMigrationOutput;
}

export interface NetworkReadiness {
  ok: boolean;
  insideManagedNetwork: boolean;
  detail: string;
  provisioned: boolean;
}

/** Provisioning timeout when no plan gave one: the catalog's estimate (+ firewall) + margin, or the policy's override. */
export function provisioningTimeoutMinutes(policy: Policy | undefined, hasFqdnRules: boolean): number {
  const override = policy?.provisioning.timeout_minutes;
  if (override !== undefined) return override;
  const e = PROVISIONING_ESTIMATE_MINUTES;
  return e.base + (hasFqdnRules ? e.firstFqdnRule : 0) + e.timeoutMargin;
}

/** Computes may only be created in a provisioned managed network: provision it when the mode is managed and it is not Active. */
export function* ensureNetworkReady(
  context: OrchestrationContext,
  workspaceId: string,
  policy: Policy | undefined,
  request: RequestMetadata,
): Orchestration<NetworkReadiness> {
  const status = (yield callActivity(context, ACTIVITIES.readNetworkStatus, { workspaceId, rules: true })) as NetworkStatus;
  const inside = status.isolationMode !== 'Disabled';
  if (!inside) return { ok: true, insideManagedNetwork: false, detail: 'no managed network: computes are recreated as they were', provisioned: false };
  const includeSpark = policy?.provisioning.include_spark === true;
  if (status.status === 'Active' && (!includeSpark || status.sparkReady)) {
    return { ok: true, insideManagedNetwork: true, detail: 'managed network already Active', provisioned: false };
  }
  const hasFqdn = status.rules.some((r) => r.type === 'FQDN');
  try {
    const result = (yield callProvisionNetwork(context, {
      workspaceId,
      includeSpark,
      timeoutMinutes: provisioningTimeoutMinutes(policy, hasFqdn),
      request,
    })) as ProvisionNetworkOutput;
    return { ok: true, insideManagedNetwork: true, detail: `managed network Active after ${result.polls} check(s)`, provisioned: true };
  } catch (err) {
    const f = describeFailure(err);
    return { ok: false, insideManagedNetwork: true, detail: `${f.code}: ${f.message}`, provisioned: false };
  }
}

export function migrationStepId(phase: string): string {
  return `migrate-computes:${phase}`;
}

export type MigrationPhaseRecorder = (
  phase: string,
  status: StepOutcome['status'],
  startedAt: string,
  detail?: string,
  error?: { code: string; message: string },
) => void;

/** Records one migration phase on the status board; its error also joins the output's error list. */
export function migrationPhaseRecorder(board: StatusBoard, errors: { code: string; message: string }[]): MigrationPhaseRecorder {
  return (phase, status, startedAt, detail, error) => {
    const o: StepOutcome = { stepId: migrationStepId(phase), kind: 'migrate-computes', status, startedAt, finishedAt: board.now() };
    if (detail !== undefined) o.detail = detail;
    if (error !== undefined) {
      o.error = error;
      errors.push(error);
    }
    board.record(o);
  };
}
