/**
 * Requests from ticket systems: bring one workspace in line with a policy (POST /requests) and read their
 * progress (GET /requests/{id}). A ticket id is honoured once: the same ticket again returns the first
 * request. One orchestration per workspace at a time: a second ticket for a busy workspace gets 409.
 */
import { parseResourceId } from '../arm/resource-id';
import { ORCHESTRATORS, type OnboardWorkspaceInput } from '../durable/contracts';
import { instanceIdForWorkspace } from '../durable/instance-ids';
import { isActive, type OrchestrationStatus } from './orchestration-gateway';
import { planWorkspace, resolvePolicy } from './plan-service';
import { parseSubmitRequest } from './request-bodies';
import { getRequestView, toRequestView, type RequestView } from './request-view';
import { assertConfiguredSubscription } from './scope';
import type { ServiceContext } from './service-context';
import { invalid, ServiceError } from './service-error';
import type { TicketKind, TicketRecord } from './ticket-index';

export interface AcceptedRequest {
  instanceId: string;
  ticketId: string;
  workspaceId: string;
  /** True when the ticket was seen before: nothing new was started, this is the first request. */
  replayed: boolean;
  policy: string | null;
  dryRun: boolean | null;
  plan: unknown;
  /** Current status of the orchestration (on replays, and null right after a start). */
  request: RequestView | null;
}

/** The answer for a ticket already recorded: the first request, as it stands now. */
export async function replayTicket(ctx: ServiceContext, record: TicketRecord): Promise<AcceptedRequest> {
  const status = await ctx.gateway.getStatus(record.instanceId);
  const view = status === undefined ? null : toRequestView(status);
  const input = (status?.input ?? {}) as { policy?: { name?: unknown }; dryRun?: unknown };
  ctx.log.info('request.replayed', { ticketId: record.ticketId, instanceId: record.instanceId, workspaceId: record.workspaceId });
  return {
    instanceId: record.instanceId,
    ticketId: record.ticketId,
    workspaceId: record.workspaceId,
    replayed: true,
    policy: typeof input.policy?.name === 'string' ? input.policy.name : null,
    dryRun: typeof input.dryRun === 'boolean' ? input.dryRun : null,
    plan: view?.plan ?? null,
    request: view,
  };
}

function ticketOf(status: OrchestrationStatus): string | undefined {
  const request = (status.input as { request?: { ticketId?: unknown } } | null)?.request;
  return typeof request?.ticketId === 'string' ? request.ticketId : undefined;
}

export function busy(instanceId: string, existing: OrchestrationStatus | undefined, workspaceId: string): ServiceError {
  const other = existing === undefined ? undefined : ticketOf(existing);
  return new ServiceError(
    'conflict',
    'Workspace busy',
    `Workspace ${workspaceId} already has an orchestration in progress (${instanceId}${other ? `, ticket ${other}` : ''}); retry when it has finished.`,
    [],
    { instanceId, ...(other ? { ticketId: other } : {}) },
  );
}

export interface StartForTicket {
  kind: TicketKind;
  ticketId: string;
  workspaceId: string;
  instanceId: string;
  orchestrator: (typeof ORCHESTRATORS)[keyof typeof ORCHESTRATORS];
  input: unknown;
}

/**
 * Records the ticket and starts the orchestration, first claim wins. Returns a replay when another call
 * claimed the ticket first; throws 409 when the workspace's instance is busy with something else.
 */
export async function startForTicket(ctx: ServiceContext, start: StartForTicket): Promise<{ replay?: AcceptedRequest }> {
  const current = await ctx.gateway.getStatus(start.instanceId);
  if (isActive(current)) {
    // Same ticket already running (the index lost its record, e.g. a local restart): that is the first request.
    if (current !== undefined && ticketOf(current) === start.ticketId) {
      return { replay: await replayTicket(ctx, { ticketId: start.ticketId, instanceId: start.instanceId, kind: start.kind, workspaceId: start.workspaceId, createdAt: current.createdTime }) };
    }
    throw busy(start.instanceId, current, start.workspaceId);
  }
  const claim = await ctx.tickets.claim({
    ticketId: start.ticketId,
    instanceId: start.instanceId,
    kind: start.kind,
    workspaceId: start.workspaceId,
    createdAt: ctx.now().toISOString(),
  });
  if (!claim.claimed) return { replay: await replayTicket(ctx, claim.record) };
  let started;
  try {
    started = await ctx.gateway.startOrGet(start.orchestrator, start.instanceId, start.input);
  } catch (error) {
    await ctx.tickets.release(start.ticketId, start.instanceId);
    throw error;
  }
  if (!started.started) {
    // Someone else (an Event Grid hint, another ticket) started this workspace's instance a moment ago.
    await ctx.tickets.release(start.ticketId, start.instanceId);
    throw busy(start.instanceId, started.existing, start.workspaceId);
  }
  return {};
}

/** POST /requests. */
export async function submitRequest(ctx: ServiceContext, body: Record<string, unknown>): Promise<AcceptedRequest> {
  const { value, problems } = parseSubmitRequest(body);
  const policy = await resolvePolicy(ctx, value.policy, problems);
  const { workspaceId, ticketId, requestedBy } = value;
  if (problems.length > 0 || workspaceId === undefined || ticketId === undefined || requestedBy === undefined || policy === undefined) {
    throw invalid(problems);
  }
  const log = ctx.log.with({ ticketId, workspaceId });
  assertConfiguredSubscription(ctx.config, parseResourceId(workspaceId).subscriptionId, 'The workspace');

  const known = await ctx.tickets.get(ticketId);
  if (known !== undefined) return replayTicket({ ...ctx, log }, known);

  const { plan } = await planWorkspace({ ...ctx, log }, workspaceId, policy);
  const instanceId = instanceIdForWorkspace(workspaceId);
  const input: OnboardWorkspaceInput = {
    workspaceId,
    policy,
    subscriptions: ctx.config.subscriptions,
    dryRun: value.dryRun,
    request: { trigger: 'http', ticketId, requestedBy },
  };
  const outcome = await startForTicket({ ...ctx, log }, { kind: 'request', ticketId, workspaceId, instanceId, orchestrator: ORCHESTRATORS.onboardWorkspace, input });
  if (outcome.replay) return outcome.replay;
  log.info('request.accepted', { instanceId, requestedBy, policy: policy.name, dryRun: value.dryRun });
  return { instanceId, ticketId, workspaceId, replayed: false, policy: policy.name, dryRun: value.dryRun, plan, request: null };
}

/** GET /requests/{id}. */
export async function getRequest(ctx: ServiceContext, id: string | undefined): Promise<RequestView> {
  return getRequestView(ctx.gateway, id);
}
