/**
 * Starts deleting one compute or online endpoint (an endpoint's deployments go with it). Reads first: a resource
 * already gone is done, one already deleting is only waited for, so a retry never sends a second DELETE.
 */
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined } from '../../arm/client/errors';
import type { LroHandle } from '../../arm/client/lro-types';
import { getActivityDependencies, logWrite } from './dependencies';
import { computeId, onlineDeploymentId, onlineEndpointId } from './arm-ids';

export interface StartDeleteInput {
  workspaceId: string;
  name: string;
}

/** `in-progress`: someone (an earlier attempt) already started it; poll the resource until it is gone. */
export type StartOutcome =
  | { state: 'started'; handle: LroHandle; resourceId: string }
  | { state: 'in-progress'; resourceId: string }
  | { state: 'done'; resourceId: string; provisioningState?: string };

const DELETING = new Set(['deleting']);

export async function startDeleteCompute(input: StartDeleteInput, _context?: InvocationContext): Promise<StartOutcome> {
  const { arm } = getActivityDependencies();
  const id = computeId(input.workspaceId, input.name);
  const compute = await notFoundAsUndefined(arm.getCompute(id));
  if (compute === undefined) return { state: 'done', resourceId: id };
  if (DELETING.has(String(compute.properties.provisioningState ?? '').toLowerCase())) return { state: 'in-progress', resourceId: id };
  return started(id, await arm.beginDeleteCompute(id));
}

export async function startDeleteOnlineEndpoint(input: StartDeleteInput, _context?: InvocationContext): Promise<StartOutcome> {
  const { arm } = getActivityDependencies();
  const id = onlineEndpointId(input.workspaceId, input.name);
  const endpoint = await notFoundAsUndefined(arm.getOnlineEndpoint(id));
  if (endpoint === undefined) return { state: 'done', resourceId: id };
  if (DELETING.has(String(endpoint.properties.provisioningState ?? '').toLowerCase())) return { state: 'in-progress', resourceId: id };
  return started(id, await arm.beginDeleteOnlineEndpoint(id));
}

export interface StartDeleteDeploymentInput {
  workspaceId: string;
  endpoint: string;
  deployment: string;
}

/** One deployment (resumeMigration replaces a deployment left in state Failed; a migration deletes whole endpoints). */
export async function startDeleteOnlineDeployment(input: StartDeleteDeploymentInput, _context?: InvocationContext): Promise<StartOutcome> {
  const { arm } = getActivityDependencies();
  const id = onlineDeploymentId(input.workspaceId, input.endpoint, input.deployment);
  const deployment = await notFoundAsUndefined(arm.getOnlineDeployment(id));
  if (deployment === undefined) return { state: 'done', resourceId: id };
  if (DELETING.has(String(deployment.properties.provisioningState ?? '').toLowerCase())) return { state: 'in-progress', resourceId: id };
  return started(id, await arm.beginDeleteOnlineDeployment(id));
}

function started(resourceId: string, handle: LroHandle): StartOutcome {
  logWrite('delete started', { resourceId });
  return { state: 'started', handle, resourceId };
}
