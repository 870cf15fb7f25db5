/**
 * Recreates computes, online endpoints and deployments FROM THE SNAPSHOTS (read back from the store, never from
 * an orchestrator's memory), then restores each endpoint's traffic split. Reads first: whatever already exists
 * is not created again, which is what makes resumeMigration idempotent.
 */
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined } from '../../arm/client/errors';
import { computeRecreateBody, onlineDeploymentRecreateBody, onlineEndpointRecreateBody, withTraffic } from '../../arm/recreate';
import type { ComputeResource, OnlineDeployment, OnlineEndpoint } from '../../arm/types';
import { deploymentSnapshotName, readSnapshot, snapshotKey } from '../snapshots/migration-snapshots';
import { getActivityDependencies, logWrite } from './dependencies';
import { computeId, onlineDeploymentId, onlineEndpointId } from './arm-ids';
import type { LroHandle } from '../../arm/client/lro-types';
import type { StartOutcome } from './start-delete';

const BUSY = new Set(['creating', 'updating', 'deleting', 'provisioning', 'accepted']);

function existing(resourceId: string, provisioningState: unknown): StartOutcome {
  const state = typeof provisioningState === 'string' ? provisioningState : undefined;
  if (state !== undefined && BUSY.has(state.toLowerCase())) return { state: 'in-progress', resourceId };
  return state === undefined ? { state: 'done', resourceId } : { state: 'done', resourceId, provisioningState: state };
}

export interface StartRecreateComputeInput {
  workspaceId: string;
  migrationId: string;
  name: string;
  /** Inside a managed network the customer subnet is dropped. */
  insideManagedNetwork: boolean;
}

export async function startRecreateCompute(input: StartRecreateComputeInput, _context?: InvocationContext): Promise<StartOutcome> {
  const { arm, snapshots } = getActivityDependencies();
  const id = computeId(input.workspaceId, input.name);
  const snapshot = await readSnapshot<ComputeResource>(snapshots, snapshotKey(input.workspaceId, input.migrationId, 'compute', input.name));
  const current = await notFoundAsUndefined(arm.getCompute(id));
  if (current !== undefined) return existing(id, current.properties.provisioningState);
  const body = computeRecreateBody(snapshot.definition, { insideManagedNetwork: input.insideManagedNetwork });
  return started(id, await arm.beginCreateCompute(id, body));
}

export interface StartRecreateEndpointInput {
  workspaceId: string;
  migrationId: string;
  endpoint: string;
}

/** The endpoint without traffic: its deployments do not exist yet. */
export async function startRecreateOnlineEndpoint(input: StartRecreateEndpointInput, _context?: InvocationContext): Promise<StartOutcome> {
  const { arm, snapshots } = getActivityDependencies();
  const id = onlineEndpointId(input.workspaceId, input.endpoint);
  const snapshot = await readSnapshot<OnlineEndpoint>(snapshots, snapshotKey(input.workspaceId, input.migrationId, 'endpoint', input.endpoint));
  const current = await notFoundAsUndefined(arm.getOnlineEndpoint(id));
  if (current !== undefined) return existing(id, current.properties.provisioningState);
  return started(id, await arm.beginCreateOnlineEndpoint(id, onlineEndpointRecreateBody(snapshot.definition).body));
}

export interface StartRecreateDeploymentInput extends StartRecreateEndpointInput {
  deployment: string;
}

export async function startRecreateOnlineDeployment(input: StartRecreateDeploymentInput, _context?: InvocationContext): Promise<StartOutcome> {
  const { arm, snapshots } = getActivityDependencies();
  const id = onlineDeploymentId(input.workspaceId, input.endpoint, input.deployment);
  const key = snapshotKey(input.workspaceId, input.migrationId, 'deployment', deploymentSnapshotName(input.endpoint, input.deployment));
  const snapshot = await readSnapshot<OnlineDeployment>(snapshots, key);
  const current = await notFoundAsUndefined(arm.getOnlineDeployment(id));
  if (current !== undefined) return existing(id, current.properties.provisioningState);
  return started(id, await arm.beginCreateOnlineDeployment(id, onlineDeploymentRecreateBody(snapshot.definition)));
}

/** The same traffic split as before, once every deployment is back (traffic is set through PUT). */
export async function startRestoreEndpointTraffic(input: StartRecreateEndpointInput, _context?: InvocationContext): Promise<StartOutcome> {
  const { arm, snapshots } = getActivityDependencies();
  const id = onlineEndpointId(input.workspaceId, input.endpoint);
  const snapshot = await readSnapshot<OnlineEndpoint>(snapshots, snapshotKey(input.workspaceId, input.migrationId, 'endpoint', input.endpoint));
  const plan = onlineEndpointRecreateBody(snapshot.definition);
  const current = await arm.getOnlineEndpoint(id);
  const busy = existing(id, current.properties.provisioningState);
  if (busy.state === 'in-progress') return busy;
  if (sameSplit(current.properties.traffic, plan.traffic) && sameSplit(current.properties.mirrorTraffic, plan.mirrorTraffic)) {
    return { state: 'done', resourceId: id };
  }
  return started(id, await arm.beginCreateOnlineEndpoint(id, withTraffic(plan.body, plan.traffic, plan.mirrorTraffic)), 'traffic split restore started');
}

/** Zero-percent entries are the same as absent ones. */
export function sameSplit(a: Record<string, number> | undefined, b: Record<string, number> | undefined): boolean {
  const norm = (m: Record<string, number> | undefined): string =>
    JSON.stringify(Object.entries(m ?? {}).filter(([, v]) => v !== 0).map(([k, v]) => [k.toLowerCase(), v]).sort());
  return norm(a) === norm(b);
}

function started(resourceId: string, handle: LroHandle, what = 'recreate from snapshot started'): StartOutcome {
  logWrite(what, { resourceId });
  return { state: 'started', handle, resourceId };
}
