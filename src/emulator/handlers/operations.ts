/**
 * LRO poll endpoints (ARM-like paths under the subscription, as Azure ML uses):
 *   .../locations/{loc}/mfeOperationsStatus/{id}  (Azure-AsyncOperation) -> 200 {id, name, status, startTime, endTime?, percentComplete, error?}
 *   .../locations/{loc}/mfeOperationResults/{id}  (Location) -> 202 while running, then 200 final body or 204;
 *     a Failed/Canceled operation answers 400 with the ARM error body (the real status code varies; unverified).
 * api-version is tolerated with or without.
 */
import { ArmError } from '../arm-error';
import { locationUrl, type HandlerContext } from '../context';
import type { EmuResponse } from '../http-types';
import type { OperationRecord } from '../lro';
import type { Params, Route } from '../router';
import { param } from './common';

const BASE = '/subscriptions/:sub/providers/Microsoft.MachineLearningServices/locations/:loc';

export function operationRoutes(): Route[] {
  return [
    { method: 'GET', pattern: `${BASE}/mfeOperationsStatus/:op`, apiVersions: 'optional', handler: operationStatus },
    { method: 'GET', pattern: `${BASE}/mfeOperationResults/:op`, apiVersions: 'optional', handler: operationResult },
  ];
}

function requireOp(ctx: HandlerContext, params: Params): OperationRecord {
  const op = ctx.state.ops.get(param(params, 'op'));
  if (op === undefined || op.subscriptionId.toLowerCase() !== param(params, 'sub').toLowerCase()) {
    throw new ArmError(404, 'OperationNotFound', `The operation '${param(params, 'op')}' was not found.`);
  }
  return op;
}

function operationStatus(ctx: HandlerContext, params: Params): EmuResponse {
  const op = requireOp(ctx, params);
  const now = ctx.state.now();
  const total = op.completesAt - op.startedAt;
  const percent = op.status !== 'InProgress' ? 100 : Number.isFinite(total) && total > 0 ? Math.min(99, Math.floor(((now - op.startedAt) / total) * 100)) : 0;
  const body: Record<string, unknown> = {
    id: `/subscriptions/${op.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${op.location}/mfeOperationsStatus/${op.id}`,
    name: op.id,
    status: op.status,
    startTime: new Date(op.startedAt).toISOString(),
    percentComplete: percent,
  };
  if (op.endedAt !== undefined) body.endTime = new Date(op.endedAt).toISOString();
  if (op.error !== undefined) body.error = { ...op.error };
  const headers: Record<string, string> = op.status === 'InProgress' ? { 'Retry-After': String(ctx.settings.retryAfterSeconds) } : {};
  return { status: 200, headers, body };
}

function operationResult(ctx: HandlerContext, params: Params): EmuResponse {
  const op = requireOp(ctx, params);
  if (op.status === 'InProgress') {
    return { status: 202, headers: { Location: locationUrl(ctx, op), 'Retry-After': String(ctx.settings.retryAfterSeconds) } };
  }
  if (op.status === 'Failed' || op.status === 'Canceled') {
    const err = op.error ?? { code: 'OperationFailed', message: 'The operation failed.' };
    throw new ArmError(400, err.code, err.message, { target: op.target });
  }
  const body = op.spec.finalBody?.();
  return body === undefined ? { status: 204 } : { status: 200, body };
}
