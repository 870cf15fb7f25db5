/**
 * Runs one activity the way the Functions host does for `df.app.activity(name, { handler })`: the
 * handler wrapped by the library's wrapActivityHandler, called with the deserialized input and a real
 * InvocationContext; the outcome becomes the TaskCompleted / TaskFailed message for the orchestrator.
 */
import { InvocationContext, type LogHandler } from '@azure/functions';
import type { ActivityHandler } from 'durable-functions';
import { events, type FailureDetailsPayload, type TaskCompletedEvent, type TaskFailedEvent } from './history-events';
import { wrapLibraryActivity } from './library-bridge';

export interface ActivityInvocation {
  handler: ActivityHandler;
  name: string;
  input: unknown;
  instanceId: string;
  taskScheduledId: number;
  invocationId: string;
  logHandler: LogHandler;
}

export type ActivityOutcome =
  | { ok: true; resultJson: string }
  | { ok: false; reason: string; details: string; failureDetails?: FailureDetailsPayload };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * With an exception-properties provider registered, wrapActivityHandler replaces the error message
 * with a failure-details JSON document; surface it as FailureDetails so the orchestrator gets a
 * TaskFailedError, as in Azure.
 */
function failureDetailsFrom(message: string): FailureDetailsPayload | undefined {
  if (!message.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || typeof parsed['errorType'] !== 'string' || typeof parsed['errorMessage'] !== 'string') {
    return undefined;
  }
  const details: FailureDetailsPayload = { ErrorType: parsed['errorType'], ErrorMessage: parsed['errorMessage'] };
  if (typeof parsed['stackTrace'] === 'string') details.StackTrace = parsed['stackTrace'];
  if (typeof parsed['isNonRetriable'] === 'boolean') details.IsNonRetriable = parsed['isNonRetriable'];
  if (isRecord(parsed['properties'])) details.Properties = parsed['properties'];
  return details;
}

function failure(name: string, error: unknown): ActivityOutcome {
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack !== undefined ? error.stack : message;
  const failureDetails = failureDetailsFrom(message);
  const shown = failureDetails?.ErrorMessage ?? message;
  // The host's wording; the library surfaces it to the orchestrator as `${Reason} \n ${Details}`.
  const outcome: ActivityOutcome = { ok: false, reason: `Activity function '${name}' failed: ${shown}`, details: stack };
  if (failureDetails) outcome.failureDetails = failureDetails;
  return outcome;
}

export async function runActivity(invocation: ActivityInvocation): Promise<ActivityOutcome> {
  const context = new InvocationContext({
    invocationId: invocation.invocationId,
    functionName: invocation.name,
    logHandler: invocation.logHandler,
    triggerMetadata: { instanceId: invocation.instanceId },
  });
  let result: unknown;
  try {
    result = await wrapLibraryActivity(invocation.handler)(invocation.input, context);
  } catch (error) {
    return failure(invocation.name, error);
  }
  try {
    // The host serializes the return value; undefined travels as null (the library JSON-parses Result).
    return { ok: true, resultJson: JSON.stringify(result) ?? 'null' };
  } catch (error) {
    return failure(invocation.name, error);
  }
}

export function completionEvent(
  outcome: ActivityOutcome,
  taskScheduledId: number,
  nowMs: number,
): TaskCompletedEvent | TaskFailedEvent {
  return outcome.ok
    ? events.taskCompleted(nowMs, taskScheduledId, outcome.resultJson)
    : events.taskFailed(nowMs, taskScheduledId, outcome.reason, outcome.details, outcome.failureDetails);
}
