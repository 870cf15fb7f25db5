/**
 * Dependency resources (storage accounts, key vaults, container registries, app insights, AI Search, AI services,
 * data factories, ...): generic GET/PUT/PATCH/DELETE of `/subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}`
 * and list by type in a resource group. Only `properties.publicNetworkAccess` matters to the managed network; the
 * rest is stored as written. api-versions vary per type, so any dated version is accepted.
 */
import { ArmError, resourceNotFound } from '../arm-error';
import type { HandlerContext } from '../context';
import { asRecord, clone, json, noContent, stringMap, type EmuResponse } from '../http-types';
import type { GenericResourceRecord } from '../model/records';
import { key } from '../model/scope';
import type { Params, Route } from '../router';
import { genericResourceView } from '../views/simple-views';
import { checkPreconditions, listPage, param } from './common';

const BASE = '/subscriptions/:sub/resourceGroups/:rg/providers/:ns/:type';

export function genericResourceRoutes(): Route[] {
  return [
    { method: 'GET', pattern: BASE, apiVersions: 'dated', handler: listByType },
    { method: 'GET', pattern: `${BASE}/:name`, apiVersions: 'dated', handler: getResource },
    { method: 'PUT', pattern: `${BASE}/:name`, apiVersions: 'dated', handler: putResource },
    { method: 'PATCH', pattern: `${BASE}/:name`, apiVersions: 'dated', handler: patchResource },
    { method: 'DELETE', pattern: `${BASE}/:name`, apiVersions: 'dated', handler: deleteResource },
  ];
}

function ids(ctx: HandlerContext, params: Params): { id: string; type: string; sub: string; rg: string } {
  const sub = param(params, 'sub');
  const rg = ctx.state.resourceGroup(sub, param(params, 'rg'))?.name ?? param(params, 'rg');
  const type = `${param(params, 'ns')}/${param(params, 'type')}`;
  return { id: `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${param(params, 'name')}`, type, sub, rg };
}

function listByType(ctx: HandlerContext, params: Params): EmuResponse {
  const prefix = key(`/subscriptions/${param(params, 'sub')}/resourceGroups/${param(params, 'rg')}/providers/${param(params, 'ns')}/${param(params, 'type')}/`);
  return listPage(ctx, [...ctx.state.db.resources.values()].filter((r) => key(r.id).startsWith(prefix)).map(genericResourceView));
}

function getResource(ctx: HandlerContext, params: Params): EmuResponse {
  const { id, type } = ids(ctx, params);
  const r = ctx.state.resource(id);
  if (r === undefined) throw resourceNotFound(type, id);
  return json(200, genericResourceView(r), { ETag: r.etag });
}

function putResource(ctx: HandlerContext, params: Params): EmuResponse {
  const { id, type, sub, rg } = ids(ctx, params);
  const existing = ctx.state.resource(id);
  checkPreconditions(ctx, existing?.etag);
  const body = asRecord(ctx.req.body);
  const location = typeof body.location === 'string' ? body.location.toLowerCase().replace(/\s+/g, '') : existing?.location;
  if (location === undefined || location === '') throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.', { target: 'location' });
  const rec: Omit<GenericResourceRecord, 'etag'> = {
    id: existing?.id ?? id,
    name: existing?.name ?? param(params, 'name'),
    type: existing?.type ?? type,
    subscriptionId: sub,
    resourceGroup: rg,
    location,
    tags: stringMap(body.tags),
    properties: clone(asRecord(body.properties)),
  };
  if (typeof body.kind === 'string') rec.kind = body.kind;
  if (body.sku !== undefined) rec.sku = clone(body.sku);
  if (body.identity !== undefined) rec.identity = clone(body.identity);
  delete rec.properties.provisioningState;
  const saved = ctx.state.putResource(rec);
  return json(existing === undefined ? 201 : 200, genericResourceView(saved), { ETag: saved.etag });
}

function patchResource(ctx: HandlerContext, params: Params): EmuResponse {
  const { id, type } = ids(ctx, params);
  const r = ctx.state.resource(id);
  if (r === undefined) throw resourceNotFound(type, id);
  checkPreconditions(ctx, r.etag);
  const body = asRecord(ctx.req.body);
  if (body.tags !== undefined) r.tags = stringMap(body.tags);
  for (const [k, v] of Object.entries(asRecord(body.properties))) if (k !== 'provisioningState') r.properties[k] = clone(v);
  if (body.sku !== undefined) r.sku = clone(body.sku);
  r.etag = ctx.state.newEtag();
  return json(200, genericResourceView(r), { ETag: r.etag });
}

function deleteResource(ctx: HandlerContext, params: Params): EmuResponse {
  const { id } = ids(ctx, params);
  if (!ctx.state.db.resources.delete(key(id))) return noContent();
  return { status: 200 };
}
