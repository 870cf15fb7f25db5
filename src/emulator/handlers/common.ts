/** Helpers shared by the handlers: ids from route params, paging, If-Match, name checks, workspace lookup. */
import { ML_API_VERSION } from '../../arm/api-versions';
import { workspaceId } from '../../arm/resource-id';
import { ArmError, resourceNotFound } from '../arm-error';
import type { HandlerContext } from '../context';
import type { EmuResponse } from '../http-types';
import type { WorkspaceRecord } from '../model/records';
import type { Params } from '../router';

export const ML = [ML_API_VERSION] as const;
export const WS_BASE = '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.MachineLearningServices/workspaces/:ws';

export function param(params: Params, name: string): string {
  const v = params[name];
  if (v === undefined) throw new Error(`route is missing :${name}`);
  return v;
}

export function wsIdFrom(ctx: HandlerContext, params: Params): string {
  const sub = param(params, 'sub');
  const rg = ctx.state.resourceGroup(sub, param(params, 'rg'))?.name ?? param(params, 'rg');
  return workspaceId(sub, rg, param(params, 'ws'));
}

/** The workspace named by the route, or 404 ResourceNotFound. */
export function requireWorkspace(ctx: HandlerContext, params: Params): WorkspaceRecord {
  const id = wsIdFrom(ctx, params);
  const ws = ctx.state.workspace(id);
  if (ws === undefined) throw resourceNotFound('Microsoft.MachineLearningServices/workspaces', id);
  return ws;
}

/** Children may not be written while the workspace is being deleted. */
export function requireWritableWorkspace(ctx: HandlerContext, params: Params): WorkspaceRecord {
  const ws = requireWorkspace(ctx, params);
  if (ws.provisioningState === 'Deleting') {
    throw new ArmError(409, 'Conflict', `Workspace '${ws.name}' is being deleted.`, { target: ws.id });
  }
  return ws;
}

export function checkName(name: string, pattern: RegExp, kind: string): void {
  if (!pattern.test(name)) {
    throw new ArmError(400, 'ValidationError', `The ${kind} name '${name}' is invalid. It must match ${pattern.source}.`, { target: 'name' });
  }
}

function normalizeEtag(etag: string): string {
  return etag.trim().replace(/^W\//, '').replace(/^"+|"+$/g, '');
}

/** If-Match / If-None-Match as ARM applies them to a PUT/PATCH. */
export function checkPreconditions(ctx: HandlerContext, currentEtag: string | undefined): void {
  const ifMatch = headerString(ctx, 'if-match');
  if (ifMatch !== undefined) {
    const ok = currentEtag !== undefined && (ifMatch.trim() === '*' || ifMatch.split(',').some((e) => normalizeEtag(e) === normalizeEtag(currentEtag)));
    if (!ok) {
      throw new ArmError(412, 'PreconditionFailed', `The condition specified using HTTP conditional header(s) is not met (If-Match: ${ifMatch}).`);
    }
  }
  const ifNoneMatch = headerString(ctx, 'if-none-match');
  if (ifNoneMatch?.trim() === '*' && currentEtag !== undefined) {
    throw new ArmError(412, 'PreconditionFailed', 'The resource already exists (If-None-Match: *).');
  }
}

function headerString(ctx: HandlerContext, name: string): string | undefined {
  const v = ctx.req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** `{value, nextLink}` pages; `$skipToken` is an opaque offset. */
export function listPage<T>(ctx: HandlerContext, items: readonly T[]): EmuResponse {
  const size = ctx.settings.pageSize;
  const token = ctx.req.query.$skipToken;
  let offset = 0;
  if (token !== undefined) {
    const decoded = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(decoded) || decoded < 0) throw new ArmError(400, 'InvalidSkipToken', `The $skipToken '${token}' is invalid.`);
    offset = decoded;
  }
  const value = items.slice(offset, offset + size);
  const body: { value: T[]; nextLink?: string } = { value };
  if (offset + size < items.length) {
    const q = new URLSearchParams({ ...ctx.req.query, $skipToken: Buffer.from(String(offset + size), 'utf8').toString('base64url') });
    body.nextLink = `${ctx.baseUrl}${encodePath(ctx.req.path)}?${q.toString()}`;
  }
  return { status: 200, body };
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function etagHeader(etag: string): Record<string, string> {
  return { ETag: etag };
}
