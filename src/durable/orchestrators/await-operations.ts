/**
 * Waits for a set of started ARM operations together: one timer per round, then one poll per pending operation
 * (in parallel). An operation whose handle was lost (started by an earlier attempt) is followed through its
 * resource instead: gone for a delete, out of its busy state for a create.
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import { ACTIVITIES } from '../activities/names';
import type { PollOperationOutput, PresenceKind, ResourcePresence } from '../activities/operations';
import type { StartOutcome } from '../activities/start-delete';
import { nextDelaySeconds, OPERATION_POLL, sleep } from './poll';
import { callActivity } from './retry';
import { settleAll } from './settle';
import type { Orchestration } from './types';

export interface StartedOperation {
  label: string;
  kind: PresenceKind;
  /** A delete is done when the resource is gone; a create when it exists and is no longer busy. */
  expect: 'gone' | 'present';
  start: StartOutcome;
}

export interface OperationResult {
  label: string;
  ok: boolean;
  error?: string;
}

export const BUSY = new Set(['creating', 'updating', 'deleting', 'provisioning', 'accepted', 'inprogress', 'running']);

export function presenceVerdict(op: StartedOperation, presence: ResourcePresence): 'ok' | 'pending' | string {
  const state = (presence.provisioningState ?? '').toLowerCase();
  if (op.expect === 'gone') return presence.exists ? (state === 'failed' ? 'the service reports the delete Failed' : 'pending') : 'ok';
  if (!presence.exists) return 'pending';
  if (BUSY.has(state)) return 'pending';
  return state === 'failed' ? 'the resource was created in state Failed' : 'ok';
}

export function* awaitOperations(context: OrchestrationContext, operations: StartedOperation[], deadline: Date): Orchestration<OperationResult[]> {
  const results = new Map<string, OperationResult>();
  const pending: StartedOperation[] = [];
  for (const op of operations) {
    if (op.start.state === 'done') {
      const failed = op.expect === 'present' && (op.start.provisioningState ?? '').toLowerCase() === 'failed';
      results.set(op.label, failed ? { label: op.label, ok: false, error: 'exists in state Failed' } : { label: op.label, ok: true });
    } else {
      pending.push(op);
    }
  }
  const retryAfter = pending.flatMap((op) => (op.start.state === 'started' ? [op.start.handle.retryAfterSeconds] : []));
  // The service's Retry-After (the shortest of the batch), within the schedule's bounds.
  const hinted = retryAfter.length > 0 ? Math.min(...retryAfter) : OPERATION_POLL.initialSeconds;
  let delay = Math.min(OPERATION_POLL.maxSeconds, Math.max(OPERATION_POLL.initialSeconds, hinted));
  let current = pending;
  while (current.length > 0) {
    yield* sleep(context, delay, deadline);
    const tasks: Task[] = current.map((op) =>
      op.start.state === 'started'
        ? callActivity(context, ACTIVITIES.pollOperation, { handle: op.start.handle })
        : callActivity(context, ACTIVITIES.readResourcePresence, { kind: op.kind, resourceId: op.start.resourceId }),
    );
    const settled = yield* settleAll<PollOperationOutput | ResourcePresence>(context, tasks);
    const next: StartedOperation[] = [];
    current.forEach((op, i) => {
      const s = settled[i];
      if (s === undefined) return;
      if (!s.ok) {
        results.set(op.label, { label: op.label, ok: false, error: `${s.error.code}: ${s.error.message}` });
        return;
      }
      if (op.start.state === 'started') {
        const poll = s.value as PollOperationOutput;
        if (poll.status === 'Succeeded') results.set(op.label, { label: op.label, ok: true });
        else if (poll.status === 'InProgress') next.push({ ...op, start: { ...op.start, handle: poll.handle } });
        else results.set(op.label, { label: op.label, ok: false, error: `${poll.status}: ${poll.error?.code ?? ''} ${poll.error?.message ?? ''}`.trim() });
      } else {
        const verdict = presenceVerdict(op, s.value as ResourcePresence);
        if (verdict === 'ok') results.set(op.label, { label: op.label, ok: true });
        else if (verdict === 'pending') next.push(op);
        else results.set(op.label, { label: op.label, ok: false, error: verdict });
      }
    });
    current = next;
    if (current.length > 0 && context.df.currentUtcDateTime.getTime() >= deadline.getTime()) {
      for (const op of current) results.set(op.label, { label: op.label, ok: false, error: `not finished by ${deadline.toISOString()}` });
      break;
    }
    delay = nextDelaySeconds(delay, OPERATION_POLL);
  }
  return operations.map((op) => results.get(op.label) ?? { label: op.label, ok: false, error: 'no result' });
}
