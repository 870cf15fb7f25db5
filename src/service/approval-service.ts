/**
 * Approve / reject a request that waits for approval: raises APPROVAL_EVENT with an ApprovalDecision that
 * records who decided and how they were authenticated. Only an instance that is running AND reports the
 * waiting-for-approval phase accepts a decision (409 otherwise, so a late click cannot approve a later step).
 * Nobody approves their own request (403 `self-approval`); withdrawing it by a rejection is allowed.
 * Every approval rule lives here; the HTTP handler only passes the request's parts in.
 */
import { APPROVAL_EVENT, type ApprovalDecision } from '../durable/contracts';
import { parseDecision } from './request-bodies';
import { checkInstanceId, toRequestView, type RequestView } from './request-view';
import type { ServiceContext } from './service-context';
import { invalid, ServiceError } from './service-error';

export interface AuthenticatedApprover {
  approver: string;
  authenticatedAs: string;
  /** Other names of the same person or application (e.g. a token's oid, upn, appid): all count for self-approval. */
  aliases?: readonly string[];
}

/** How the caller authenticates: decides whether the body must name the approver. */
export interface ApproverSource {
  mode: 'function-key' | 'entra';
  authenticate(claimedApprover: string | undefined): Promise<AuthenticatedApprover>;
}

export interface DecisionAccepted {
  instanceId: string;
  ticketId: string | null;
  decision: ApprovalDecision;
}

export async function decide(
  ctx: ServiceContext,
  rawId: string | undefined,
  approved: boolean,
  readBody: () => Promise<Record<string, unknown>>,
  auth: ApproverSource,
): Promise<DecisionAccepted> {
  // With Entra, authenticate before anything else, even reading the body: an anonymous caller learns nothing.
  const early = auth.mode === 'entra' ? await auth.authenticate(undefined) : undefined;
  const parsed = parseDecision(await readBody(), auth.mode === 'function-key');
  const problems = [...instanceIdProblems(rawId), ...parsed.problems];
  if (problems.length > 0) throw invalid(problems);
  const who = early ?? (await auth.authenticate(parsed.value.approver));
  return raise(ctx, checkInstanceId(rawId), approved, parsed.value.comment, who, parsed.value.approver);
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** 403 when the person deciding is the one who asked (compared case-insensitively, every alias too). */
function refuseSelfApproval(view: RequestView, who: AuthenticatedApprover, log: ServiceContext['log']): void {
  const requester = view.requestedBy;
  if (requester === null || requester.trim() === '') return;
  const names = [who.approver, ...(who.aliases ?? [])];
  if (!names.some((name) => same(name, requester))) return;
  log.warn('approval.refused', { reason: 'self-approval', approver: who.approver, authenticatedAs: who.authenticatedAs });
  throw new ServiceError(
    'forbidden',
    'Self-approval refused',
    `${who.approver} requested ${view.instanceId} and cannot also approve it; another approver must decide.`,
    [{ path: 'approver', message: 'is the person who requested this change', rule: 'self-approval' }],
    { code: 'self-approval', instanceId: view.instanceId },
  );
}

function instanceIdProblems(rawId: string | undefined) {
  try {
    checkInstanceId(rawId);
    return [];
  } catch (error) {
    if (error instanceof ServiceError) return error.errors;
    throw error;
  }
}

async function raise(
  ctx: ServiceContext,
  instanceId: string,
  approved: boolean,
  comment: string | undefined,
  who: AuthenticatedApprover,
  claimedApprover: string | undefined,
): Promise<DecisionAccepted> {
  const status = await ctx.gateway.getStatus(instanceId);
  if (status === undefined) throw new ServiceError('not-found', 'Request not found', `There is no request with id ${instanceId}.`);
  const view = toRequestView(status);
  const log = ctx.log.with({ instanceId, ticketId: view.ticketId, workspaceId: view.workspaceId });
  if (approved) refuseSelfApproval(view, who, log);
  if (view.state !== 'waiting-for-approval') {
    log.warn('approval.refused', { reason: 'not-waiting', state: view.state, approver: who.approver });
    throw new ServiceError(
      'conflict',
      'Not waiting for approval',
      `Request ${instanceId} is not waiting for approval (state: ${view.state}).`,
      [],
      { instanceId, state: view.state },
    );
  }
  const decision: ApprovalDecision = { approved, approver: who.approver, authenticatedAs: who.authenticatedAs };
  if (comment !== undefined) decision.comment = comment;
  await ctx.gateway.raiseEvent(instanceId, APPROVAL_EVENT, decision);
  log.info(approved ? 'request.approved' : 'request.rejected', {
    approver: who.approver,
    authenticatedAs: who.authenticatedAs,
    ...(claimedApprover !== undefined && claimedApprover !== who.approver ? { claimedApprover } : {}),
    stepIds: view.waitingForApproval?.stepIds ?? [],
  });
  return { instanceId, ticketId: view.ticketId, decision };
}
