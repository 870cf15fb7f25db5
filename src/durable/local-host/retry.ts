/**
 * Retry policy as the host applies it. In v3 the library only emits a CallActivityWithRetry /
 * CallSubOrchestratorWithRetry action; the extension hands it to DurableTask.Core's RetryInterceptor,
 * which records every attempt in history: TaskScheduled, TaskFailed, then a durable retry timer
 * (TimerCreated/TimerFired) and the next TaskScheduled. The library's RetryableTask expects exactly that
 * shape, including the timer the interceptor still creates after the final failed attempt.
 */

export interface RetryPolicy {
  firstRetryIntervalMs: number;
  maxNumberOfAttempts: number;
  backoffCoefficient: number;
  /** Infinity when unset (TimeSpan.MaxValue on the host). */
  maxRetryIntervalMs: number;
  /** Infinity when unset (TimeSpan.MaxValue on the host). */
  retryTimeoutMs: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Reads a durable-functions RetryOptions object (or its JSON form); unset fields take the host's defaults. */
export function parseRetryOptions(value: unknown): RetryPolicy {
  if (!isRecord(value)) throw new Error('retryOptions missing from a with-retry action');
  const first = value['firstRetryIntervalInMilliseconds'];
  const attempts = value['maxNumberOfAttempts'];
  if (typeof first !== 'number' || !(first > 0)) {
    throw new Error('retryOptions.firstRetryIntervalInMilliseconds must be a number greater than 0');
  }
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 1) {
    throw new Error('retryOptions.maxNumberOfAttempts must be an integer of at least 1');
  }
  return {
    firstRetryIntervalMs: first,
    maxNumberOfAttempts: attempts,
    backoffCoefficient: finiteOr(value['backoffCoefficient'], 1),
    maxRetryIntervalMs: finiteOr(value['maxRetryIntervalInMilliseconds'], Number.POSITIVE_INFINITY),
    retryTimeoutMs: finiteOr(value['retryTimeoutInMilliseconds'], Number.POSITIVE_INFINITY),
  };
}

/**
 * Delay before the next attempt after attempt `attemptIndex` (0-based) failed, per RetryInterceptor's
 * ComputeNextDelay: firstRetryInterval × backoffCoefficient^attemptIndex, capped by maxRetryInterval;
 * 0 once the retry timeout (measured from the first attempt) has passed, which ends retrying.
 */
export function nextRetryDelayMs(
  policy: RetryPolicy,
  attemptIndex: number,
  firstAttemptMs: number,
  nowMs: number,
): number {
  if (nowMs >= firstAttemptMs + policy.retryTimeoutMs) return 0;
  const delay = policy.firstRetryIntervalMs * Math.pow(policy.backoffCoefficient, attemptIndex);
  return Math.round(Math.min(delay, policy.maxRetryIntervalMs));
}
