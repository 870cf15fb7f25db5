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
import type { ProvisionNetworkOutput, RequestMetadata } from '../contracts';
import type { MigrationManifest } from '../snapshots/migration-snapshots';
import { awaitOperations, type OperationResult, type StartedOperation } from './await-operations';
import { describeFailure } from './failure';
import { addMinutes } from './poll';
import { callActivity } from './retry';
import { batches, settleAll } from './settle';
import { callProvisionNetwork } from './sub-orchestrations';
import type { Orchestration } from './types';

/** Upper bound on one batch of compute operations (real deletes/creates take minutes). */
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
}

/** Reads the manifest back from the store and recreates what is missing: computes, endpoints, deployments, traffic. */
export function* recreatePhase(
  context: OrchestrationContext,
  workspaceId: string,
  migrationId: string,
  insideManagedNetwork: boolean,
  maxParallel: number,
): Orchestration<RecreateResult> {
  const manifest = (yield callActivity(context, ACTIVITIES.readMigrationManifest, { workspaceId, migrationId })) as MigrationManifest | null;
  if (manifest === null) throw new Error(`[ManifestMissing] no snapshots for migration ${migrationId} of ${workspaceId}`);
  const out: RecreateResult = { recreated: [], failed: [] };
  const base = { workspaceId, migrationId };

  const computes = yield* runBatches(
    context,
    manifest.computes.map((c) => ({
      label: computeLabel(c.name),
      kind: 'compute' as const,
      activity: ACTIVITIES.startRecreateCompute,
      input: { ...base, name: c.name, insideManagedNetwork },
    })),
    maxParallel,
    'present',
    false,
  );
  const endpoints = yield* runBatches(
    context,
    manifest.onlineEndpoints.map((e) => ({ label: endpointLabel(e.name), kind: 'onlineEndpoint' as const, activity: ACTIVITIES.startRecreateOnlineEndpoint, input: { ...base, endpoint: e.name } })),
    maxParallel,
    'present',
    false,
  );
  const readyEndpoints = manifest.onlineEndpoints.filter((e) => endpoints.done.includes(endpointLabel(e.name)));
  const deployments = yield* runBatches(
    context,
    readyEndpoints.flatMap((e) =>
      e.deployments.map((d) => ({
        label: deploymentLabel(e.name, d.name),
        kind: 'onlineDeployment' as const,
        activity: ACTIVITIES.startRecreateOnlineDeployment,
        input: { ...base, endpoint: e.name, deployment: d.name },
      })),
    ),
    maxParallel,
    'present',
    false,
  );
  // Traffic only once every deployment it names is back.
  const trafficReady = readyEndpoints.filter(
    (e) => Object.keys(e.traffic).length > 0 && e.deployments.every((d) => deployments.done.includes(deploymentLabel(e.name, d.name))),
  );
  const traffic = yield* runBatches(
    context,
    trafficReady.map((e) => ({ label: `traffic ${e.name}`, kind: 'onlineEndpoint' as const, activity: ACTIVITIES.startRestoreEndpointTraffic, input: { ...base, endpoint: e.name } })),
    maxParallel,
    'present',
    false,
  );
  for (const phase of [computes, endpoints, deployments, traffic]) {
    out.recreated.push(...phase.done);
    out.failed.push(...phase.failed);
  }
  for (const e of manifest.onlineEndpoints) {
    if (!readyEndpoints.includes(e)) out.failed.push(...e.deployments.map((d) => ({ label: deploymentLabel(e.name, d.name), error: 'its endpoint was not recreated' })));
  }
  return out;
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
