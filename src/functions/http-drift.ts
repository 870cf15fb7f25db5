/** GET /api/v1/drift: the latest drift report. */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { handleHttp, jsonResponse } from '../http/respond';
import { latestDriftReport } from '../service/drift-service';

export async function getDrift(request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  return handleHttp(request, context, async ({ ctx }) => jsonResponse(200, await latestDriftReport(ctx)));
}
