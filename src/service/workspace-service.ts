/**
 * POST /workspaces: create a workspace that is born compliant (createWorkspace orchestration). The new
 * workspace, its hub and every dependency must sit in configured subscriptions, and the workspace must be in
 * the policy's scope (judged on what the request says: id, kind, tags).
 */
import type { Workspace } from '../arm/types';
import { ORCHESTRATORS, type CreateWorkspaceInput } from '../durable/contracts';
import { instanceIdForWorkspace } from '../durable/instance-ids';
import { resolvePolicy } from './plan-service';
import { parseCreateWorkspace, subscriptionsReferenced } from './request-bodies';
import { replayTicket, startForTicket, type AcceptedRequest } from './request-service';
import { assertConfiguredSubscription } from './scope';
import type { ServiceContext } from './service-context';
import { invalid, ServiceError } from './service-error';

export async function createWorkspace(ctx: ServiceContext, body: Record<string, unknown>): Promise<AcceptedRequest> {
  const { value, problems } = parseCreateWorkspace(body);
  const policy = await resolvePolicy(ctx, value.policy, problems);
  const { workspaceId, ticketId, subscriptionId, resourceGroup, name, location, kind } = value;
  if (
    problems.length > 0 || policy === undefined || workspaceId === undefined || ticketId === undefined ||
    subscriptionId === undefined || resourceGroup === undefined || name === undefined || location === undefined || kind === undefined
  ) {
    throw invalid(problems);
  }
  const log = ctx.log.with({ ticketId, workspaceId });
  for (const sub of subscriptionsReferenced(value)) {
    assertConfiguredSubscription(ctx.config, sub, sub === subscriptionId.toLowerCase() ? 'The workspace' : 'A referenced resource');
  }

  const known = await ctx.tickets.get(ticketId);
  if (known !== undefined) return replayTicket({ ...ctx, log }, known);

  const planned: Workspace = { id: workspaceId, name, location, kind, tags: value.tags ?? {}, properties: value.hubId ? { hubResourceId: value.hubId } : {} };
  const scope = ctx.planning.isInScope(policy, planned);
  if (!scope.inScope) {
    throw new ServiceError('forbidden', 'Outside the policy scope', `Workspace ${workspaceId} would not be in the scope of policy "${policy.name}"${scope.reason ? `: ${scope.reason}` : ''}.`, [], { workspaceId, policy: policy.name });
  }

  const input: CreateWorkspaceInput = {
    subscriptionId,
    resourceGroup,
    name,
    location,
    kind,
    policy,
    subscriptions: ctx.config.subscriptions,
    dryRun: value.dryRun,
    request: { trigger: 'http', ticketId, ...(value.requestedBy !== undefined ? { requestedBy: value.requestedBy } : {}) },
  };
  if (value.hubId !== undefined) input.hubId = value.hubId;
  if (value.tags !== undefined) input.tags = value.tags;
  if (value.dependencies !== undefined && Object.keys(value.dependencies).length > 0) input.dependencies = value.dependencies;

  const instanceId = instanceIdForWorkspace(workspaceId, 'create');
  const outcome = await startForTicket({ ...ctx, log }, { kind: 'workspace', ticketId, workspaceId, instanceId, orchestrator: ORCHESTRATORS.createWorkspace, input });
  if (outcome.replay) return outcome.replay;
  log.info('workspace.create-accepted', { instanceId, kind, location, policy: policy.name, dryRun: value.dryRun });
  return { instanceId, ticketId, workspaceId, replayed: false, policy: policy.name, dryRun: value.dryRun, plan: null, request: null };
}
