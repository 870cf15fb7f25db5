/**
 * Long-running operations on top of @azure/core-lro. `begin` sends the first request and returns a serializable
 * handle carrying core-lro's poller state; `poll` resumes a poller from that state and polls ONCE (so durable
 * orchestrators wait on their own timers); `wait` loops poll + injected sleep for callers that may block (CLI).
 */
import {
  createHttpPoller,
  deserializeState,
  type OperationResponse,
  type OperationState,
  type RestorableOperationState,
} from '@azure/core-lro';
import type { HttpMethods } from '@azure/core-rest-pipeline';
import type { ArmOperationName } from '../actions';
import type { Now, Sleep } from './clock';
import { ArmError, CLIENT_ERROR_CODES, isRecord, parseErrorBody, type ArmErrorDetails } from './errors';
import type { LroHandle, LroKind, LroPollResult, WaitOptions } from './lro-types';
import { isRetryableStatus } from './retry-policy';
import { retryAfterMs } from './retry-after';
import { armErrorFromResponse, type ArmResponse, type ArmTransport } from './transport';
import { ArmClientUsageError, USAGE_ERROR_CODES } from './usage-error';

export interface BeginRequest {
  method: HttpMethods;
  url: string;
  operation: ArmOperationName;
  resourceId: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What the client adds to core-lro's state so that a resumed poll knows what the last response said. */
interface ClientPollState<T> extends OperationState<T> {
  lastError?: { code?: string; message?: string; target?: string };
  lastStatusCode?: number;
  lastRequestId?: string;
  retryAfterMs?: number;
}

export interface LroEngine {
  begin<T>(request: BeginRequest): Promise<LroHandle<T>>;
  poll<T>(handle: LroHandle<T>): Promise<LroPollResult<T>>;
  /** Resolves with the final body (undefined when the service sent none, e.g. a DELETE); throws ArmError on Failed/Canceled. */
  wait<T>(handle: LroHandle<T>, options?: WaitOptions): Promise<T | undefined>;
}

export interface LroEngineOptions {
  transport: ArmTransport;
  sleep: Sleep;
  now: Now;
  /** Poll interval when the service sends no Retry-After. */
  defaultPollIntervalSeconds: number;
}

const DEFAULT_WAIT_TIMEOUT_MS = 2 * 60 * 60 * 1000;
const TERMINAL = new Set(['succeeded', 'failed', 'canceled']);

function toOperationResponse(res: ArmResponse): OperationResponse<unknown> {
  return {
    flatResponse: res.body,
    rawResponse: { statusCode: res.status, headers: res.headers, body: res.body, request: { method: res.method, url: res.url } },
  };
}

function restore<T>(pollerState: string): RestorableOperationState<T, ClientPollState<T>> {
  return deserializeState<T, ClientPollState<T>>(pollerState);
}

export function createLroEngine(options: LroEngineOptions): LroEngine {
  const { transport } = options;

  function noteResponse<T>(state: ClientPollState<T>, res: { statusCode: number; headers: Record<string, string>; body?: unknown }): void {
    state.lastStatusCode = res.statusCode;
    state.lastRequestId = res.headers['x-ms-request-id'];
    const ms = retryAfterMs((name) => res.headers[name], options.now);
    if (ms === undefined) delete state.retryAfterMs;
    else state.retryAfterMs = ms;
    if (isRecord(res.body) && (res.body['error'] !== undefined && res.body['error'] !== null)) state.lastError = parseErrorBody(res.body);
  }

  function handleFrom<T>(
    base: Pick<LroHandle<T>, 'operation' | 'method' | 'resourceId'>,
    state: RestorableOperationState<T, ClientPollState<T>>,
    serialized: string,
    kind: LroKind,
    fallbackUrl: string,
  ): LroHandle<T> {
    const seconds = state.retryAfterMs === undefined ? options.defaultPollIntervalSeconds : Math.max(1, Math.ceil(state.retryAfterMs / 1000));
    return {
      operationUrl: state.config.operationLocation ?? fallbackUrl,
      kind,
      retryAfterSeconds: seconds,
      operation: base.operation,
      method: base.method,
      resourceId: base.resourceId,
      pollerState: serialized,
    };
  }

  async function begin<T>(request: BeginRequest): Promise<LroHandle<T>> {
    let initial: ArmResponse | undefined;
    const poller = createHttpPoller<T, ClientPollState<T>>(
      {
        sendInitialRequest: async () => {
          initial = await transport.send({ ...request });
          return toOperationResponse(initial);
        },
        sendPollRequest: () => Promise.reject(new ArmClientUsageError(USAGE_ERROR_CODES.internalInvariant, 'begin() never polls')),
      },
      { resolveOnUnsuccessful: true },
    );
    // Never `await poller` itself: it is a thenable that would poll until done.
    await poller.submitted();
    const state = poller.operationState;
    if (state === undefined || initial === undefined) {
      throw new ArmError({
        status: initial?.status ?? 0,
        code: CLIENT_ERROR_CODES.invalidResponse,
        message: 'core-lro did not initialise the operation from the first response',
        operation: request.operation,
        resourceId: request.resourceId,
        method: request.method,
      });
    }
    noteResponse(state, { statusCode: initial.status, headers: initial.headers, body: initial.body });
    const serialized = await poller.serialize();
    const restored = restore<T>(serialized);
    const kind = kindOf(initial.headers, restored);
    return handleFrom<T>(request, restored, serialized, kind, initial.url);
  }

  async function poll<T>(handle: LroHandle<T>): Promise<LroPollResult<T>> {
    const before = restore<T>(handle.pollerState);
    const resourceLocation = before.config.resourceLocation;
    const poller = createHttpPoller<T, ClientPollState<T>>(
      {
        sendInitialRequest: () =>
          Promise.reject(new ArmClientUsageError(USAGE_ERROR_CODES.internalInvariant, 'a resumed operation never re-sends its first request')),
        sendPollRequest: async (path) => {
          // The final GET of the resource must succeed; an operation URL answering 4xx is the operation failing.
          const finalGet = path === resourceLocation;
          const res = await transport.send({
            method: 'GET',
            url: path,
            operation: handle.operation,
            resourceId: handle.resourceId,
            reportMethod: handle.method,
            acceptErrorStatus: !finalGet,
          });
          // Still 429/5xx after the pipeline's retries: transient, the handle stays valid for a later poll.
          if (isRetryableStatus(res.status)) throw armErrorFromResponse(res, { operation: handle.operation, resourceId: handle.resourceId, method: handle.method });
          return toOperationResponse(res);
        },
      },
      {
        restoreFrom: handle.pollerState,
        resolveOnUnsuccessful: true,
        updateState: (state, response) => noteResponse(state, response.rawResponse),
      },
    );
    const state = await poller.poll();
    const serialized = await poller.serialize();
    const after = restore<T>(serialized);
    const next = handleFrom<T>(handle, after, serialized, handle.kind, handle.operationUrl);
    return toPollResult(handle, state, next);
  }

  function toPollResult<T>(handle: LroHandle<T>, state: ClientPollState<T>, next: LroHandle<T>): LroPollResult<T> {
    const base = { operation: handle.operation, resourceId: handle.resourceId, method: handle.method, requestId: state.lastRequestId };
    const errorOf = (fallbackCode: string, fallbackMessage: string): ArmErrorDetails => ({
      ...base,
      status: state.lastStatusCode ?? 200,
      code: state.lastError?.code ?? fallbackCode,
      message: state.lastError?.message ?? fallbackMessage,
      ...(state.lastError?.target !== undefined ? { target: state.lastError.target } : {}),
    });
    switch (state.status) {
      case 'succeeded': {
        // Tolerance (unverified service behaviour): a Location poll answering 200 with {status: Failed, error}.
        const reported = isRecord(state.result) ? state.result['status'] : undefined;
        if (handle.kind === 'location' && (reported === 'Failed' || reported === 'Canceled') && isRecord(state.result) && isRecord(state.result['error'])) {
          const parsed = parseErrorBody(state.result);
          return {
            status: reported,
            error: { ...errorOf(CLIENT_ERROR_CODES.operationFailed, 'the operation failed'), ...(parsed.code ? { code: parsed.code } : {}), ...(parsed.message ? { message: parsed.message } : {}) },
            handle: next,
          };
        }
        return { status: 'Succeeded', ...(state.result !== undefined ? { result: state.result } : {}), handle: next };
      }
      case 'failed':
        return { status: 'Failed', error: errorOf(CLIENT_ERROR_CODES.operationFailed, 'the operation failed without an error message'), handle: next };
      case 'canceled':
        return { status: 'Canceled', error: errorOf(CLIENT_ERROR_CODES.operationCanceled, 'the operation was canceled'), handle: next };
      default:
        return { status: 'InProgress', handle: next };
    }
  }

  async function wait<T>(handle: LroHandle<T>, waitOptions?: WaitOptions): Promise<T | undefined> {
    const timeoutMs = waitOptions?.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    let current = handle;
    let waited = 0;
    for (;;) {
      if (!TERMINAL.has(restore<T>(current.pollerState).status)) {
        const ms = current.retryAfterSeconds * 1000;
        if (waited + ms > timeoutMs) {
          throw new ArmError({
            status: 0,
            code: CLIENT_ERROR_CODES.operationTimedOut,
            message: `still in progress after ${Math.round(waited / 1000)} s (poll ${current.operationUrl} to follow it)`,
            operation: current.operation,
            resourceId: current.resourceId,
            method: current.method,
          });
        }
        await options.sleep(ms);
        waited += ms;
      }
      const result = await poll(current);
      if (result.status === 'Succeeded') return result.result;
      if (result.error !== undefined) throw ArmError.fromDetails(result.error);
      current = result.handle;
    }
  }

  return { begin, poll, wait };
}

function kindOf<T>(headers: Record<string, string>, state: RestorableOperationState<T, ClientPollState<T>>): LroKind {
  if (TERMINAL.has(state.status)) return 'none';
  if (headers['azure-asyncoperation'] !== undefined || headers['operation-location'] !== undefined) return 'azure-async';
  if (headers['location'] !== undefined) return 'location';
  return 'resource';
}
