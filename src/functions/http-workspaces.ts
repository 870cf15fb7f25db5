/** POST /api/v1/workspaces: create a workspace that is compliant from the start. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { requestLinks } from '../http/links';
import { readJsonBody } from '../http/read-json-body';
import { handleHttp, jsonResponse } from '../http/respond';
import { createWorkspace } from '../service/workspace-service';

export async function postWorkspace(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return handleHttp(request, context, async ({ services, ctx }) => {
    const body = await readJsonBody(request, services.config.maxBodyBytes);
    const accepted = await createWorkspace(ctx, body);
    const links = requestLinks(request.url, accepted.instanceId);
    return jsonResponse(accepted.replayed ? 200 : 202, { ...accepted, links }, { location: links.status });
  });
}
