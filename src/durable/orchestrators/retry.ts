/**
 * Retry policy for activity calls. Activities throw on any failure (ArmError), so transient ones (throttling,
 * 5xx, connection resets) are retried here on durable timers; a failure that survives every attempt reaches the
 * orchestrator, which decides (records it, stops, never pretends it succeeded).
 */
import * as df from 'durable-functions';
import type { OrchestrationContext, Task } from 'durable-functions';

export const ACTIVITY_RETRY = {
  firstRetryMs: 5_000,
  backoffCoefficient: 2,
  maxAttempts: 5,
  maxRetryIntervalMs: 60_000,
} as const;

export function activityRetryOptions(): df.RetryOptions {
  const options = new df.RetryOptions(ACTIVITY_RETRY.firstRetryMs, ACTIVITY_RETRY.maxAttempts);
  options.backoffCoefficient = ACTIVITY_RETRY.backoffCoefficient;
  options.maxRetryIntervalInMilliseconds = ACTIVITY_RETRY.maxRetryIntervalMs;
  return options;
}

/** Every activity call goes through here, so the retry policy is one decision. */
export function callActivity(context: OrchestrationContext, name: string, input: unknown): Task {
  return context.df.callActivityWithRetry(name, activityRetryOptions(), input);
}
