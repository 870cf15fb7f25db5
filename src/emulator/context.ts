/** What a handler gets: the request, the state, settings, and the LRO plumbing bound to this request. */
import type { EmuRequest, EmuResponse } from './http-types';
import type { LroFault } from './faults';
import type { OperationRecord, OperationSpec } from './lro';
import type { ResolvedSettings } from './options';
import type { EmulatorState } from './state';
import { ML_API_VERSION } from '../arm/api-versions';

export interface HandlerContext {
  req: EmuRequest;
  state: EmulatorState;
  settings: ResolvedSettings;
  /** https://127.0.0.1:PORT */
  baseUrl: string;
  /** Consumes the lroFail / lroNeverFinish fault matching this request, if any. */
  takeLroFault(): LroFault | undefined;
}

export function startLro(ctx: HandlerContext, spec: OperationSpec): OperationRecord {
  return ctx.state.startOperation(spec, ctx.takeLroFault());
}

function opBase(ctx: HandlerContext, op: OperationRecord): string {
  return `${ctx.baseUrl}/subscriptions/${op.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${op.location}`;
}

export function asyncOperationUrl(ctx: HandlerContext, op: OperationRecord): string {
  return `${opBase(ctx, op)}/mfeOperationsStatus/${op.id}?api-version=${ML_API_VERSION}`;
}

export function locationUrl(ctx: HandlerContext, op: OperationRecord): string {
  return `${opBase(ctx, op)}/mfeOperationResults/${op.id}?api-version=${ML_API_VERSION}`;
}

export interface LroResponseOptions {
  status: 201 | 202 | 200;
  body?: unknown;
  /** Which poll headers to send (default both). */
  asyncOperation?: boolean;
  location?: boolean;
}

export function lroResponse(ctx: HandlerContext, op: OperationRecord, options: LroResponseOptions): EmuResponse {
  const headers: Record<string, string> = { 'Retry-After': String(ctx.settings.retryAfterSeconds) };
  if (options.asyncOperation !== false) headers['Azure-AsyncOperation'] = asyncOperationUrl(ctx, op);
  if (options.location !== false) headers.Location = locationUrl(ctx, op);
  const res: EmuResponse = { status: options.status, headers };
  if (options.body !== undefined) res.body = options.body;
  return res;
}
