/** POST /api/v1/plan: what would be done to a workspace under a policy; nothing is started. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { readJsonBody } from '../http/read-json-body';
import { handleHttp, jsonResponse } from '../http/respond';
import { previewPlan } from '../service/plan-service';

export async function postPlan(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return handleHttp(request, context, async ({ services, ctx }) => {
    const body = await readJsonBody(request, services.config.maxBodyBytes);
    return jsonResponse(200, await previewPlan(ctx, body));
  });
}
