/** POST /api/v1/requests and GET /api/v1/requests/{id}: ticket systems ask for a workspace to be brought in line. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { requestLinks } from '../http/links';
import { readJsonBody } from '../http/read-json-body';
import { handleHttp, jsonResponse } from '../http/respond';
import { getRequest, submitRequest } from '../service/request-service';

export async function postRequest(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return handleHttp(request, context, async ({ services, ctx }) => {
    const body = await readJsonBody(request, services.config.maxBodyBytes);
    const accepted = await submitRequest(ctx, body);
    const links = requestLinks(request.url, accepted.instanceId);
    // A replay started nothing: 200 with the first request; a new request: 202 Accepted.
    return jsonResponse(accepted.replayed ? 200 : 202, { ...accepted, links }, { location: links.status });
  });
}

export async function getRequestStatus(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return handleHttp(request, context, async ({ ctx }) => {
    const view = await getRequest(ctx, request.params['id']);
    return jsonResponse(200, { ...view, links: requestLinks(request.url, view.instanceId) });
  });
}
