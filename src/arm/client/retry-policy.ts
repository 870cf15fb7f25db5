/**
 * Retries throttled (429), server-side (5xx) and reset-connection failures with exponential backoff and jitter,
 * honouring the service's Retry-After. Other 4xx are answers, not accidents: never retried.
 * The retry loop sits outside the auth and throttle policies, so every attempt gets a fresh token check
 * and counts against the request ceilings.
 */
import { isRestError, type PipelinePolicy, type PipelineResponse } from '@azure/core-rest-pipeline';
import type { ArmOperationName } from '../actions';
import type { Now, Sleep } from './clock';
import { getRequestContext } from './request-context';
import { retryAfterMs } from './retry-after';

export interface RequestInfo {
  method: string;
  url: string;
  /** HTTP status; 0 when the connection failed before a response. */
  status: number;
  /** 0 for the first try, 1 for the first retry, ... */
  attempt: number;
  operation: ArmOperationName | undefined;
}

export interface RetryOptions {
  maxRetries: number;
  /** First backoff step when the service gave no Retry-After. */
  baseDelayMs: number;
  /** Cap on any single delay, Retry-After included. */
  maxDelayMs: number;
  sleep: Sleep;
  now: Now;
  /** In [0, 1); injectable to make jitter deterministic in tests. */
  random: () => number;
  onRequest?: (info: RequestInfo) => void;
}

/**
 * Connection-level failures worth retrying. ECONNREFUSED and ENOTFOUND are left out on purpose: they usually
 * mean a wrong endpoint, and retrying them only delays the message saying so.
 */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);

export function isTransientNetworkError(e: unknown): boolean {
  if (!isRestError(e) || e.response !== undefined) return false;
  return (e.code !== undefined && TRANSIENT_NETWORK_CODES.has(e.code)) || /socket hang up/i.test(e.message);
}

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread but still grow. */
export function backoffDelayMs(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(step / 2 + options.random() * (step / 2));
}

export function armRetryPolicy(options: RetryOptions): PipelinePolicy {
  return {
    name: 'armRetryPolicy',
    async sendRequest(request, next) {
      const operation = getRequestContext(request)?.operation;
      for (let attempt = 0; ; attempt++) {
        let response: PipelineResponse | undefined;
        try {
          response = await next(request);
        } catch (e) {
          options.onRequest?.({ method: request.method, url: request.url, status: 0, attempt, operation });
          if (!isTransientNetworkError(e) || attempt >= options.maxRetries) throw e;
          await options.sleep(backoffDelayMs(attempt, options));
          continue;
        }
        options.onRequest?.({ method: request.method, url: request.url, status: response.status, attempt, operation });
        if (!isRetryableStatus(response.status) || attempt >= options.maxRetries) return response;
        const asked = retryAfterMs((name) => response.headers.get(name), options.now);
        const delay = asked !== undefined ? Math.min(asked, options.maxDelayMs) : backoffDelayMs(attempt, options);
        await options.sleep(delay);
      }
    },
  };
}
