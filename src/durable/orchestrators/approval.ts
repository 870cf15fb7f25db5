/**
 * Waiting for a person: the approval event races a durable timer (the policy's approval timeout). The timer is
 * cancelled when the answer comes, so the instance can complete. A malformed event does not count as an answer.
 */
import type { OrchestrationContext } from 'durable-functions';
import { APPROVAL_EVENT, type ApprovalDecision } from '../contracts';
import { addSeconds } from './poll';
import type { Orchestration } from './types';

export type ApprovalOutcome =
  | { kind: 'approved'; decision: ApprovalDecision }
  | { kind: 'rejected'; decision: ApprovalDecision }
  | { kind: 'timed-out'; deadline: string };

export function approvalDeadline(context: OrchestrationContext, timeoutHours: number): Date {
  return addSeconds(context.df.currentUtcDateTime, Math.max(0, timeoutHours) * 3600);
}

export function isApprovalDecision(value: unknown): value is ApprovalDecision {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['approved'] === 'boolean' && typeof v['approver'] === 'string' && v['approver'].trim().length > 0;
}

/** `onWaiting` publishes the custom status (who must approve what, by when) before the wait begins. */
export function* waitForApproval(
  context: OrchestrationContext,
  deadline: Date,
  onWaiting: (deadline: string) => void,
): Orchestration<ApprovalOutcome> {
  onWaiting(deadline.toISOString());
  for (;;) {
    // Fresh tasks each round: a timer is never reused in a second Task.any (the library would schedule it twice).
    const timer = context.df.createTimer(deadline);
    const answer = context.df.waitForExternalEvent(APPROVAL_EVENT);
    const winner: unknown = yield context.df.Task.any([answer, timer]);
    if (winner !== answer) return { kind: 'timed-out', deadline: deadline.toISOString() };
    timer.cancel();
    const decision: unknown = answer.result;
    if (!isApprovalDecision(decision)) continue;
    return decision.approved ? { kind: 'approved', decision } : { kind: 'rejected', decision };
  }
}
