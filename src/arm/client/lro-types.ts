/**
 * The serializable handle of a started long-running operation, and the outcome of one poll.
 * Orchestrators keep the handle in their state, wait `retryAfterSeconds` on a durable timer, poll once, repeat.
 */
import type { ArmOperationName } from '../actions';
import type { ArmErrorDetails } from './errors';

/**
 * How the service reports progress:
 * - `azure-async`: poll the `Azure-AsyncOperation` (or `Operation-Location`) URL for `{status}`;
 * - `location`: poll the `Location` URL until it stops answering 202;
 * - `resource`: a PUT answered 200/201 without headers; poll the resource's `provisioningState`;
 * - `none`: the first answer was final; polling returns it without a request.
 */
export type LroKind = 'azure-async' | 'location' | 'resource' | 'none';

export type LroStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface LroHandle<TResult = unknown> {
  /** The URL the next poll reads. */
  operationUrl: string;
  kind: LroKind;
  /** What the service asked for (Retry-After), or the client's default poll interval. */
  retryAfterSeconds: number;
  /** The operation that started it (errors name it). */
  operation: ArmOperationName;
  /** HTTP method that started it. */
  method: string;
  resourceId: string;
  /** @azure/core-lro poller state (JSON string) that `pollOperation` resumes from. */
  pollerState: string;
  /** Type marker only; never set. */
  readonly __result?: TResult;
}

export interface LroPollResult<TResult = unknown> {
  status: LroStatus;
  /** Present when status is Failed or Canceled: the operation's own error code and message. */
  error?: ArmErrorDetails;
  /** Present when status is Succeeded: the final resource or operation body. */
  result?: TResult;
  /** Handle for the next poll (the operation URL or Retry-After may have changed). */
  handle: LroHandle<TResult>;
}

export interface WaitOptions {
  /** Give up (ArmError OperationTimedOut) after this much time spent waiting between polls. Default 2 h. */
  timeoutMs?: number;
}
