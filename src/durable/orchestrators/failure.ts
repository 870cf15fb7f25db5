/**
 * Turns what a failed activity or sub-orchestration throws into the orchestrator into `{code, message}` for the
 * step record. With the Durable extension's structured failures (TaskFailedError) the code comes from the
 * properties the activity's ArmError carried (see registry.ts); otherwise from the message.
 */
import type { OrchestrationError } from '../contracts';

interface FailureDetailsLike {
  errorType?: unknown;
  errorMessage?: unknown;
  properties?: unknown;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

export function describeFailure(err: unknown): OrchestrationError {
  const error = record(err);
  const details = record(error?.['failureDetails']) as FailureDetailsLike | undefined;
  if (details !== undefined) {
    const props = record(details.properties);
    const message = typeof details.errorMessage === 'string' ? details.errorMessage : String(err);
    const code =
      stringProp(props, 'armCode') ?? codeFromMessage(message) ?? (typeof details.errorType === 'string' ? details.errorType : 'ActivityFailed');
    return { code, message: firstLine(message) };
  }
  if (err instanceof Error) {
    return { code: codeFromMessage(err.message) ?? (err.name && err.name !== 'Error' ? err.name : 'ActivityFailed'), message: firstLine(err.message) };
  }
  return { code: 'ActivityFailed', message: firstLine(String(err)) };
}

function stringProp(props: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = props?.[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * Errors this app throws on purpose carry a bracketed code, e.g. "[ProvisioningTimedOut] ..."; the host may put
 * its own words in front ("Activity function 'x' failed: ..."), so the first bracketed code of the first line counts.
 */
function codeFromMessage(message: string): string | undefined {
  return /\[([A-Z][A-Za-z0-9.-]*)\]/.exec(firstLine(message))?.[1];
}

/** The legacy failure format appends the stack trace after the reason: keep the reason. */
function firstLine(message: string): string {
  const line = message.split(/\s*\n\s*/)[0]?.trim() ?? '';
  return line.length > 0 ? line : message.trim();
}

/** An error an orchestrator throws on purpose, with a code the parent can read back through describeFailure. */
export function orchestrationFailure(code: string, message: string): Error {
  const err = new Error(`[${code}] ${message}`);
  err.name = code;
  return err;
}
