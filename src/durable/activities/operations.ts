/**
 * Long ARM operations are started by one activity and polled from the orchestrator on durable timers; each poll
 * is this activity (one request). Also a presence check for operations whose handle was lost (a crash between
 * the request and the record): then the resource itself says where it is.
 */
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined, type ArmErrorDetails } from '../../arm/client/errors';
import type { LroHandle, LroStatus } from '../../arm/client/lro-types';
import { getActivityDependencies } from './dependencies';

export interface PollOperationInput {
  handle: LroHandle;
}

export interface PollOperationOutput {
  status: LroStatus;
  error?: ArmErrorDetails;
  /** The handle for the next poll (its URL or Retry-After may change). */
  handle: LroHandle;
}

export async function pollOperation(input: PollOperationInput, _context?: InvocationContext): Promise<PollOperationOutput> {
  const { arm } = getActivityDependencies();
  const result = await arm.pollOperation(input.handle);
  // The final body is not returned: it can be large, and callers re-read what they need.
  const out: PollOperationOutput = { status: result.status, handle: result.handle };
  if (result.error !== undefined) out.error = result.error;
  return out;
}

export type PresenceKind = 'workspace' | 'compute' | 'onlineEndpoint' | 'onlineDeployment';

export interface ReadResourcePresenceInput {
  kind: PresenceKind;
  resourceId: string;
}

export interface ResourcePresence {
  exists: boolean;
  provisioningState?: string;
  tags?: Record<string, string>;
}

export async function readResourcePresence(input: ReadResourcePresenceInput, _context?: InvocationContext): Promise<ResourcePresence> {
  const { arm } = getActivityDependencies();
  const resource =
    input.kind === 'workspace'
      ? await notFoundAsUndefined(arm.getWorkspace(input.resourceId))
      : input.kind === 'compute'
      ? await notFoundAsUndefined(arm.getCompute(input.resourceId))
      : input.kind === 'onlineEndpoint'
        ? await notFoundAsUndefined(arm.getOnlineEndpoint(input.resourceId))
        : await notFoundAsUndefined(arm.getOnlineDeployment(input.resourceId));
  if (resource === undefined) return { exists: false };
  const out: ResourcePresence = { exists: true };
  const state = resource.properties.provisioningState;
  if (typeof state === 'string') out.provisioningState = state;
  if (resource.tags !== undefined) out.tags = resource.tags;
  return out;
}
