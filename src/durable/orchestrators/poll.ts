/**
 * Polling on durable timers with growing intervals (e.g. 15 s, 30 s, then every minute): quick answers for fast
 * operations, a bounded delay (the caps below) for the 30-minute ones. Nothing here sleeps: every wait is a durable timer.
 */
import type { OrchestrationContext, Task } from 'durable-functions';
import type { Orchestration } from './types';

export interface PollSchedule {
  initialSeconds: number;
  maxSeconds: number;
  factor: number;
}

/**
 * Caps on the growing intervals. Trade-off: a cap of 60 s means an operation is seen done at most ~1 minute after it
 * finishes (5 min before: a 2-min delete was seen at ~3.9 min, a 30-min provisioning at ~32 min), at the price of
 * more ARM reads (one per pending operation per minute once the interval has grown). Those polls count against the
 * per-subscription request budget the ARM client enforces, so raise the caps before adding operations per
 * subscription if that budget becomes the bottleneck.
 */
export const MAX_OPERATION_POLL_SECONDS = 60;
export const MAX_PROVISIONING_POLL_SECONDS = 60;

/** Managed network provisioning: ~30 minutes; poll at 15 s, 30 s, then every minute. */
export const PROVISIONING_POLL: PollSchedule = { initialSeconds: 15, maxSeconds: MAX_PROVISIONING_POLL_SECONDS, factor: 2 };
/** Compute / endpoint operations: start from the service's Retry-After (at least 15 s), grow to 1 minute. */
export const OPERATION_POLL: PollSchedule = { initialSeconds: 15, maxSeconds: MAX_OPERATION_POLL_SECONDS, factor: 2 };
/** Rule activation after roles are granted. */
export const RULE_POLL: PollSchedule = { initialSeconds: 30, maxSeconds: 300, factor: 2 };

export function nextDelaySeconds(current: number, schedule: PollSchedule): number {
  return Math.min(Math.max(1, Math.round(current * schedule.factor)), schedule.maxSeconds);
}

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}

export function addMinutes(date: Date, minutes: number): Date {
  return addSeconds(date, minutes * 60);
}

/** Waits `seconds` on a durable timer, never past `deadline`. */
export function* sleep(context: OrchestrationContext, seconds: number, deadline?: Date): Orchestration<void> {
  const now = context.df.currentUtcDateTime;
  let fireAt = addSeconds(now, seconds);
  if (deadline !== undefined && fireAt.getTime() > deadline.getTime()) fireAt = deadline;
  if (fireAt.getTime() <= now.getTime()) return;
  yield context.df.createTimer(fireAt);
}

export interface PollOutcome<T> {
  done: boolean;
  last: T;
  polls: number;
}

/**
 * Calls `poll()` (a fresh activity Task each time) until `isDone(result)` or `deadline`; the last poll happens at
 * the deadline, so a success right at the end still counts.
 */
export function* pollUntil<T>(
  context: OrchestrationContext,
  options: {
    poll: () => Task;
    isDone: (result: T) => boolean;
    deadline: Date;
    schedule: PollSchedule;
    firstDelaySeconds?: number;
  },
): Orchestration<PollOutcome<T>> {
  let delay = options.firstDelaySeconds ?? options.schedule.initialSeconds;
  let polls = 0;
  for (;;) {
    const result = (yield options.poll()) as T;
    polls += 1;
    if (options.isDone(result)) return { done: true, last: result, polls };
    if (context.df.currentUtcDateTime.getTime() >= options.deadline.getTime()) return { done: false, last: result, polls };
    yield* sleep(context, delay, options.deadline);
    delay = nextDelaySeconds(delay, options.schedule);
  }
}
