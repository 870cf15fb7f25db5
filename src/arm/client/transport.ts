/**
 * Sends one ARM request through the pipeline and turns the outcome into either a parsed response or an ArmError.
 * Every request names its ArmOperationName; the URL must stay on the configured endpoint (a nextLink or an
 * operation URL pointing elsewhere is refused rather than sent our bearer token).
 */
import { createHttpHeaders, createPipelineRequest, isRestError, type HttpMethods } from '@azure/core-rest-pipeline';
import { ARM_ACTIONS, type ArmOperationName } from '../actions';
import { ArmError, CLIENT_ERROR_CODES, parseErrorBody } from './errors';
import type { ArmPipeline } from './pipeline';
import { setRequestContext } from './request-context';

export interface ArmRequest {
  method: HttpMethods;
  /** Absolute URL, or a path (+ query) relative to the endpoint. */
  url: string;
  operation: ArmOperationName;
  /** The resource the call is about; named in errors. */
  resourceId?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Return 4xx/5xx responses instead of throwing (LRO polls read failures from the body). */
  acceptErrorStatus?: boolean;
  /** Method to name in errors when it differs from the HTTP method (an LRO poll of a PUT). */
  reportMethod?: string;
}

export interface ArmResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  requestId: string | undefined;
  method: string;
  url: string;
}

export interface ArmTransport {
  readonly endpoint: string;
  send(request: ArmRequest): Promise<ArmResponse>;
}

/** Reads are never rate-limited; everything that is not a GET and not a `.../read` action counts as a write. */
export function isWriteRequest(method: string, operation: ArmOperationName): boolean {
  return method.toUpperCase() !== 'GET' && !ARM_ACTIONS[operation].endsWith('/read');
}

export function createTransport(endpoint: string, armPipeline: ArmPipeline): ArmTransport {
  const origin = new URL(endpoint).origin;

  function resolveUrl(request: ArmRequest): string {
    const url = new URL(request.url, origin);
    if (url.origin !== origin) {
      throw new ArmError({
        status: 0,
        code: CLIENT_ERROR_CODES.untrustedLink,
        message: `refusing to send a request to ${url.origin}: only ${origin} is trusted`,
        operation: request.operation,
        resourceId: request.resourceId,
        method: request.reportMethod ?? request.method,
      });
    }
    return url.toString();
  }

  return {
    endpoint: origin,
    async send(request) {
      const url = resolveUrl(request);
      const headers = createHttpHeaders({ accept: 'application/json', ...request.headers });
      if (request.body !== undefined) headers.set('content-type', 'application/json');
      const pipelineRequest = createPipelineRequest({
        url,
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      });
      setRequestContext(pipelineRequest, {
        operation: request.operation,
        isWrite: isWriteRequest(request.method, request.operation),
      });
      const base = { operation: request.operation, resourceId: request.resourceId, method: request.reportMethod ?? request.method };
      let raw;
      try {
        raw = await armPipeline.pipeline.sendRequest(armPipeline.httpClient, pipelineRequest);
      } catch (e) {
        // Only failures without any response are connection failures; anything else is not ours to relabel.
        if (isRestError(e) && e.response === undefined) {
          throw new ArmError(
            { ...base, status: 0, code: CLIENT_ERROR_CODES.connectionFailed, message: `could not reach ${origin}: ${e.message}` },
            { cause: e },
          );
        }
        throw e;
      }
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of raw.headers) responseHeaders[name.toLowerCase()] = value;
      const requestId = responseHeaders['x-ms-request-id'];
      const text = raw.bodyAsText ?? '';
      let body: unknown;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          if (raw.status < 400) {
            throw new ArmError({
              ...base,
              status: raw.status,
              code: CLIENT_ERROR_CODES.invalidResponse,
              message: `response is not JSON: ${text.slice(0, 200)}`,
              requestId,
            });
          }
          body = text;
        }
      }
      const response: ArmResponse = { status: raw.status, headers: responseHeaders, body, requestId, method: request.method, url };
      if (raw.status >= 400 && !request.acceptErrorStatus) throw armErrorFromResponse(response, base);
      return response;
    },
  };
}

/** The ArmError for an HTTP error response: the service's code, message and target, plus the request id. */
export function armErrorFromResponse(
  response: ArmResponse,
  base: { operation: ArmOperationName; resourceId: string | undefined; method: string },
): ArmError {
  const parsed = parseErrorBody(response.body);
  return new ArmError({
    ...base,
    status: response.status,
    code: parsed.code ?? `Http${response.status}`,
    message: parsed.message ?? (typeof response.body === 'string' ? response.body.slice(0, 500) : `HTTP ${response.status}`),
    target: parsed.target,
    requestId: response.requestId,
  });
}
