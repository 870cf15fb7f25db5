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
      // The service decides when (and whether) to authenticate and to read the body.
      const accepted = await decide(ctx, request.params['id'], approved, () => readJsonBody(request, services.config.maxBodyBytes), {
        mode: auth.mode,
        authenticate: (claimed) => auth.authenticate(authorization, claimed),
      });
      return jsonResponse(202, { ...accepted, links: requestLinks(request.url, accepted.instanceId) });
    });
}

export const approveRequest = decisionHandler(true);
export const rejectRequest = decisionHandler(false);
