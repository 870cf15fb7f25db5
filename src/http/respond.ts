/**
 * The frame every HTTP handler runs in: builds the service context, turns ServiceErrors into problem
 * documents, turns anything unexpected into a 500 problem that names the invocation id (the stack goes to the
 * logs only), and logs each request's outcome with its status.
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { appServices, serviceContext, type AppServices } from '../service/app-services';
import type { ServiceContext } from '../service/service-context';
import { ServiceError } from '../service/service-error';
import { errorSummary, structuredLogger } from '../service/structured-log';
import { instanceOf, problemFromError, problemResponse } from './problem';

export interface HttpCall {
  request: HttpRequest;
  context: InvocationContext;
  services: AppServices;
  ctx: ServiceContext;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export async function handleHttp(
  request: HttpRequest,
  context: InvocationContext,
  run: (call: HttpCall) => Promise<HttpResponseInit>,
): Promise<HttpResponseInit> {
  const route = instanceOf(request.url);
  const base = { method: request.method, route };
  let response: HttpResponseInit;
  let log = structuredLogger(context, { invocationId: context.invocationId, functionName: context.functionName, ...base });
  try {
    const services = await appServices();
    const ctx = serviceContext(services, context, base);
    log = ctx.log;
    response = await run({ request, context, services, ctx });
  } catch (error) {
    if (error instanceof ServiceError) {
      response = problemFromError(error, route);
      log.warn('http.refused', { status: response.status, problem: error.kind, detail: error.detail.slice(0, 500), errors: error.errors.length, ...pickIds(error.extensions) });
      return response;
    }
    log.error('http.failed', { error: errorSummary(error), stack: error instanceof Error ? error.stack : undefined });
    return problemResponse('internal', 'Internal error', `The request could not be completed. Quote invocation ${context.invocationId} when reporting this.`, route);
  }
  log.info('http.completed', { status: response.status ?? 200 });
  return response;
}

function pickIds(extensions: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['instanceId', 'ticketId', 'workspaceId']) if (extensions[key] !== undefined) out[key] = extensions[key];
  return out;
}
