/** POST /api/v1/requests/{id}/approve and /reject: a person decides on a request waiting for approval. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { requestLinks } from '../http/links';
import { readJsonBody } from '../http/read-json-body';
import { handleHttp, jsonResponse } from '../http/respond';
import { decide } from '../service/approval-service';

function decisionHandler(approved: boolean) {
  return async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> =>
    handleHttp(request, context, async ({ services, ctx }) => {
      const auth = services.approverAuth;
      const authorization = request.headers.get('authorization');
      // Entra callers are authenticated before their body is even read.
      const early = auth.mode === 'entra' ? await auth.authenticate(authorization, undefined) : undefined;
      const source = { mode: auth.mode, authenticate: async (claimed: string | undefined) => early ?? auth.authenticate(authorization, claimed) };
      const body = await readJsonBody(request, services.config.maxBodyBytes);
      const accepted = await decide(ctx, request.params['id'], approved, body, source);
      return jsonResponse(202, { ...accepted, links: requestLinks(request.url, accepted.instanceId) });
    });
}

export const approveRequest = decisionHandler(true);
export const rejectRequest = decisionHandler(false);
