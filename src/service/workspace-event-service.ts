/**
 * Event Grid hints that a workspace was created or written. Delivery is at least once and unordered, so an
 * event only ever (re)starts the workspace's onboarding orchestration, under the workspace's deterministic
 * instance id: duplicates find the running instance, and the orchestration re-reads the workspace anyway.
 * Anything else is acknowledged and ignored with a log line (throwing would make Event Grid redeliver it).
 */
import { appPolicy } from './plan-service';
import { sameResourceId, tryParseResourceId, isWorkspaceId } from '../arm/resource-id';
import { ORCHESTRATORS, type OnboardWorkspaceInput } from '../durable/contracts';
import { instanceIdForWorkspace } from '../durable/instance-ids';
import { isConfiguredSubscription } from './app-config';
import { outsidePolicyScopeById } from './scope';
import type { ServiceContext } from './service-context';

export const RESOURCE_WRITE_SUCCESS = 'Microsoft.Resources.ResourceWriteSuccess';
export const WORKSPACE_WRITE = 'Microsoft.MachineLearningServices/workspaces/write';

export interface WorkspaceEventLike {
  id?: unknown;
  subject?: unknown;
  eventType?: unknown;
  data?: unknown;
}

export type WorkspaceEventOutcome =
  | { action: 'started'; instanceId: string; workspaceId: string }
  | { action: 'already-running'; instanceId: string; workspaceId: string }
  | { action: 'ignored'; reason: string };

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export async function handleWorkspaceEvent(ctx: ServiceContext, event: WorkspaceEventLike): Promise<WorkspaceEventOutcome> {
  const data = (event.data !== null && typeof event.data === 'object' ? event.data : {}) as Record<string, unknown>;
  const eventId = text(event.id)?.slice(0, 100);
  const correlationId = text(data['correlationId'])?.slice(0, 100);
  const log = ctx.log.with({ eventId, correlationId });
  const ignore = (reason: string, fields: Record<string, unknown> = {}): WorkspaceEventOutcome => {
    log.info('event.ignored', { reason, eventType: text(event.eventType)?.slice(0, 200), ...fields });
    return { action: 'ignored', reason };
  };

  if (event.eventType !== RESOURCE_WRITE_SUCCESS) return ignore('not a resource write');
  const operation = text(data['operationName']);
  if (operation?.toLowerCase() !== WORKSPACE_WRITE.toLowerCase()) return ignore('not a workspace write', { operation: operation?.slice(0, 200) });

  const subject = text(event.subject);
  const resourceUri = text(data['resourceUri']);
  const resourceId = resourceUri ?? subject;
  if (resourceId === undefined || resourceId.length > 512) return ignore('no usable resource id');
  if (subject !== undefined && resourceUri !== undefined && !sameResourceId(subject, resourceUri)) {
    return ignore('subject and resourceUri disagree');
  }
  const parsed = resourceId.includes('%') ? undefined : tryParseResourceId(resourceId);
  if (parsed === undefined) return ignore('invalid resource id', { resourceId: resourceId.slice(0, 200) });
  // Computes, outbound rules, ... are written under the workspace: not a workspace change.
  if (!isWorkspaceId(resourceId)) return ignore('not a workspace', { resourceType: parsed.resourceType });
  const workspaceId = resourceId;
  const claimedSub = text(data['subscriptionId']);
  if (claimedSub !== undefined && claimedSub.toLowerCase() !== parsed.subscriptionId.toLowerCase()) {
    return ignore('subscriptionId disagrees with the resource id', { workspaceId });
  }
  if (!isConfiguredSubscription(ctx.config, parsed.subscriptionId)) {
    return ignore('subscription not configured', { workspaceId, subscriptionId: parsed.subscriptionId });
  }
  const policy = await appPolicy(ctx);
  const outside = outsidePolicyScopeById(policy, parsed, workspaceId);
  if (outside !== undefined) return ignore('outside policy scope', { workspaceId, detail: outside });

  const instanceId = instanceIdForWorkspace(workspaceId);
  const input: OnboardWorkspaceInput = {
    workspaceId,
    policy,
    subscriptions: ctx.config.subscriptions,
    dryRun: false,
    request: { trigger: 'eventgrid', ...(correlationId !== undefined ? { correlationId } : eventId !== undefined ? { correlationId: eventId } : {}) },
  };
  const result = await ctx.gateway.startOrGet(ORCHESTRATORS.onboardWorkspace, instanceId, input);
  if (result.started) {
    log.info('event.onboarding-started', { instanceId, workspaceId, policy: policy.name });
    return { action: 'started', instanceId, workspaceId };
  }
  log.info('event.onboarding-already-running', { instanceId, workspaceId, runtimeStatus: result.existing?.runtimeStatus });
  return { action: 'already-running', instanceId, workspaceId };
}
