/** Calling the app's HTTP functions in-process, as the Functions host would: a real HttpRequest in, JSON out. */
import { HttpRequest, type HttpResponseInit, type InvocationContext } from '@azure/functions';

export type HttpHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

export interface JsonResponse {
  status: number;
  body: Record<string, unknown>;
}

const BASE = 'https://mnet-demo.localhost/api/v1';

export async function callHttp(
  handler: HttpHandler,
  context: InvocationContext,
  method: 'GET' | 'POST',
  path: string,
  init: { body?: unknown; params?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const request = new HttpRequest({
    method,
    url: `${BASE}${path}`,
    headers: init.body !== undefined ? { 'content-type': 'application/json' } : {},
    ...(init.body !== undefined ? { body: { string: JSON.stringify(init.body) } } : {}),
    ...(init.params !== undefined ? { params: init.params } : {}),
  });
  const response = await handler(request, context);
  const text = typeof response.body === 'string' ? response.body : '';
  return { status: response.status ?? 200, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** A refused call, as one line: `POST /requests -> 409 Workspace busy: ...`. */
export function describeProblem(path: string, response: JsonResponse): string {
  const title = typeof response.body['title'] === 'string' ? response.body['title'] : '';
  const detail = typeof response.body['detail'] === 'string' ? response.body['detail'] : JSON.stringify(response.body).slice(0, 300);
  return `${path} -> ${response.status} ${title}: ${detail}`;
}
