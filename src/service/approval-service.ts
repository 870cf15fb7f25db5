/**
 * Approve / reject a request that waits for approval: raises APPROVAL_EVENT with an ApprovalDecision that
 * records who decided and how they were authenticated. Only an instance that is running AND reports the
 * waiting-for-approval phase accepts a decision (409 otherwise, so a late click cannot approve a later step).
 */
import { APPROVAL_EVENT, type ApprovalDecision } from '../durable/contracts';
import { parseDecision } from './request-bodies';
import { checkInstanceId, toRequestView } from './request-view';
import type { ServiceContext } from './service-context';
import { invalid, ServiceError } from './service-error';

export interface AuthenticatedApprover {
  approver: string;
  authenticatedAs: string;
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
  body: Record<string, unknown>,
  auth: ApproverSource,
): Promise<DecisionAccepted> {
  const parsed = parseDecision(body, auth.mode === 'function-key');
  // With Entra, authenticate before anything else: an anonymous caller learns nothing, not even about its body.
  const early = auth.mode === 'entra' ? await auth.authenticate(parsed.value.approver) : undefined;
  const problems = [...instanceIdProblems(rawId), ...parsed.problems];
  if (problems.length > 0) throw invalid(problems);
  const who = early ?? (await auth.authenticate(parsed.value.approver));
  return raise(ctx, checkInstanceId(rawId), approved, parsed.value.comment, who, parsed.value.approver);
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
