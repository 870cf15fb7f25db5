/**
 * Online endpoints and deployments: GET, list, PUT (create: 201 + Azure-AsyncOperation; update: 200 +
 * Azure-AsyncOperation), PATCH (200), DELETE (202 + Location + Azure-AsyncOperation; deleting an endpoint deletes its
 * deployments). Traffic must name existing deployments and sum to 0 or 100; a deployment with traffic cannot be
 * deleted. A deployment in an unprovisioned managed network waits for an implicit provisioning.
 */
import { ArmError, resourceNotFound, validationError } from '../arm-error';
import { lroResponse, startLro, type HandlerContext } from '../context';
import { asRecord, clone, isRecord, json, noContent, stringMap, type EmuResponse } from '../http-types';
import { materializeIdentity } from '../model/identity';
import { isManaged, networkOwner } from '../model/network';
import { waitForNetwork } from '../model/provisioning';
import type { DeploymentRecord, EndpointRecord, WorkspaceRecord } from '../model/records';
import type { Params, Route } from '../router';
import { DEPLOYMENT_TYPE, ENDPOINT_TYPE, deploymentView, endpointView } from '../views/endpoint-view';
import { ML, WS_BASE, listPage, param, requireWorkspace, requireWritableWorkspace } from './common';

const EPS = `${WS_BASE}/onlineEndpoints`;
const DEPS = `${EPS}/:ep/deployments`;
const EP_NAME = /^[a-zA-Z][a-zA-Z0-9-]{2,31}$/;
const DEP_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]{2,31}$/;
const AUTH_MODES = ['Key', 'AMLToken', 'AADToken'];

export function endpointRoutes(): Route[] {
  return [
    { method: 'GET', pattern: EPS, apiVersions: ML, handler: listEndpoints },
    { method: 'GET', pattern: `${EPS}/:ep`, apiVersions: ML, handler: getEndpoint },
    { method: 'PUT', pattern: `${EPS}/:ep`, apiVersions: ML, handler: putEndpoint },
    { method: 'PATCH', pattern: `${EPS}/:ep`, apiVersions: ML, handler: patchEndpoint },
    { method: 'DELETE', pattern: `${EPS}/:ep`, apiVersions: ML, handler: deleteEndpoint },
    { method: 'GET', pattern: DEPS, apiVersions: ML, handler: listDeployments },
    { method: 'GET', pattern: `${DEPS}/:dep`, apiVersions: ML, handler: getDeployment },
    { method: 'PUT', pattern: `${DEPS}/:dep`, apiVersions: ML, handler: putDeployment },
    { method: 'PATCH', pattern: `${DEPS}/:dep`, apiVersions: ML, handler: patchDeployment },
    { method: 'DELETE', pattern: `${DEPS}/:dep`, apiVersions: ML, handler: deleteDeployment },
  ];
}

function requireEndpoint(ctx: HandlerContext, params: Params): { ws: WorkspaceRecord; ep: EndpointRecord } {
  const ws = requireWorkspace(ctx, params);
  const ep = ws.endpoints.get(param(params, 'ep').toLowerCase());
  if (ep === undefined) throw resourceNotFound(ENDPOINT_TYPE, `${ws.id}/onlineEndpoints/${param(params, 'ep')}`);
  return { ws, ep };
}

function requireDeployment(ctx: HandlerContext, params: Params): { ws: WorkspaceRecord; ep: EndpointRecord; dep: DeploymentRecord } {
  const { ws, ep } = requireEndpoint(ctx, params);
  const dep = ep.deployments.get(param(params, 'dep').toLowerCase());
  if (dep === undefined) throw resourceNotFound(DEPLOYMENT_TYPE, `${ep.id}/deployments/${param(params, 'dep')}`);
  return { ws, ep, dep };
}

function busy(state: string): boolean {
  return state === 'Creating' || state === 'Updating' || state === 'Deleting';
}

function checkTraffic(ep: EndpointRecord, traffic: unknown): Record<string, number> {
  if (!isRecord(traffic)) throw validationError('properties.traffic must map deployment names to percentages.', 'properties.traffic');
  const out: Record<string, number> = {};
  let sum = 0;
  for (const [name, v] of Object.entries(traffic)) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) throw validationError(`Traffic for '${name}' must be an integer 0-100.`, 'properties.traffic');
    if (!ep.deployments.has(name.toLowerCase())) throw validationError(`Traffic names deployment '${name}', which does not exist on endpoint '${ep.name}'.`, 'properties.traffic');
    out[name] = v;
    sum += v;
  }
  if (sum !== 0 && sum !== 100) throw validationError(`Traffic of endpoint '${ep.name}' must sum to 0 or 100 (got ${sum}).`, 'properties.traffic');
  return out;
}

function listEndpoints(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWorkspace(ctx, params);
  return listPage(ctx, [...ws.endpoints.values()].map(endpointView));
}

function getEndpoint(ctx: HandlerContext, params: Params): EmuResponse {
  return json(200, endpointView(requireEndpoint(ctx, params).ep));
}

function putEndpoint(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWritableWorkspace(ctx, params);
  const name = param(params, 'ep');
  const body = asRecord(ctx.req.body);
  const props = clone(asRecord(body.properties));
  delete props.provisioningState;
  delete props.scoringUri;
  delete props.swaggerUri;
  const existing = ws.endpoints.get(name.toLowerCase());
  const state = ctx.state;
  if (typeof props.authMode !== 'string' || !AUTH_MODES.includes(props.authMode)) {
    throw validationError(`properties.authMode must be one of ${AUTH_MODES.join(', ')}.`, 'properties.authMode');
  }
  if (existing === undefined) {
    if (!EP_NAME.test(name)) throw validationError(`Endpoint name '${name}' is invalid: 3-32 letters, digits or hyphens, starting with a letter.`, 'name');
    if (typeof body.location !== 'string') throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.', { target: 'location' });
    const ep: EndpointRecord = {
      id: `${ws.id}/onlineEndpoints/${name}`,
      name,
      location: body.location.toLowerCase(),
      tags: stringMap(body.tags),
      properties: props,
      provisioningState: 'Creating',
      deployments: new Map(),
    };
    if (props.traffic !== undefined) props.traffic = checkTraffic(ep, props.traffic);
    if (typeof body.kind === 'string') ep.kind = body.kind;
    const identity = materializeIdentity(body.identity, ep.id, state.tenantOf(ws.subscriptionId) ?? '');
    if (identity !== undefined) ep.identity = identity;
    ws.endpoints.set(name.toLowerCase(), ep);
    const op = startLro(ctx, {
      kind: 'endpointCreate',
      target: ep.id,
      subscriptionId: ws.subscriptionId,
      location: ws.location,
      durationMs: ctx.settings.durations.endpointCreate,
      onSucceeded: () => {
        ep.provisioningState = 'Succeeded';
      },
      onFailed: () => {
        ep.provisioningState = 'Failed';
      },
      finalBody: () => endpointView(ep),
    });
    return lroResponse(ctx, op, { status: 201, body: endpointView(ep), location: false });
  }
  if (busy(existing.provisioningState)) {
    throw new ArmError(409, 'Conflict', `Endpoint '${existing.name}' is ${existing.provisioningState}; retry when the operation completes.`, { target: existing.id });
  }
  if (props.traffic !== undefined) props.traffic = checkTraffic(existing, props.traffic);
  existing.properties = props;
  if (body.tags !== undefined) existing.tags = stringMap(body.tags);
  existing.provisioningState = 'Updating';
  const op = startLro(ctx, {
    kind: 'endpointUpdate',
    target: existing.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: ctx.settings.durations.endpointUpdate,
    onSucceeded: () => {
      existing.provisioningState = 'Succeeded';
    },
    onFailed: () => {
      existing.provisioningState = 'Failed';
    },
    finalBody: () => endpointView(existing),
  });
  return lroResponse(ctx, op, { status: 200, body: endpointView(existing), location: false });
}

function patchEndpoint(ctx: HandlerContext, params: Params): EmuResponse {
  const { ep } = requireEndpoint(ctx, params);
  if (busy(ep.provisioningState)) throw new ArmError(409, 'Conflict', `Endpoint '${ep.name}' is ${ep.provisioningState}.`, { target: ep.id });
  const body = asRecord(ctx.req.body);
  const props = asRecord(body.properties);
  if (props.traffic !== undefined) ep.properties.traffic = checkTraffic(ep, props.traffic);
  for (const k of ['publicNetworkAccess', 'description', 'mirrorTraffic']) if (props[k] !== undefined) ep.properties[k] = clone(props[k]);
  if (body.tags !== undefined) ep.tags = stringMap(body.tags);
  return json(200, endpointView(ep));
}

function deleteEndpoint(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWorkspace(ctx, params);
  const ep = ws.endpoints.get(param(params, 'ep').toLowerCase());
  if (ep === undefined) return noContent();
  const state = ctx.state;
  const running = state.ops.active(ep.id, ['endpointDelete']);
  if (running !== undefined) return lroResponse(ctx, running, { status: 202 });
  for (const op of state.ops.activeUnder(ep.id)) state.ops.cancel(op, state.now(), `Endpoint '${ep.name}' is being deleted.`);
  const previous = ep.provisioningState;
  ep.provisioningState = 'Deleting';
  for (const d of ep.deployments.values()) d.provisioningState = 'Deleting';
  const op = startLro(ctx, {
    kind: 'endpointDelete',
    target: ep.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: ctx.settings.durations.endpointDelete,
    onSucceeded: () => {
      if (ws.endpoints.get(ep.name.toLowerCase()) === ep) ws.endpoints.delete(ep.name.toLowerCase());
    },
    onFailed: () => {
      ep.provisioningState = previous;
      for (const d of ep.deployments.values()) d.provisioningState = 'Succeeded';
    },
  });
  return lroResponse(ctx, op, { status: 202 });
}

function listDeployments(ctx: HandlerContext, params: Params): EmuResponse {
  const { ep } = requireEndpoint(ctx, params);
  return listPage(ctx, [...ep.deployments.values()].map(deploymentView));
}

function getDeployment(ctx: HandlerContext, params: Params): EmuResponse {
  return json(200, deploymentView(requireDeployment(ctx, params).dep));
}

function putDeployment(ctx: HandlerContext, params: Params): EmuResponse {
  requireWritableWorkspace(ctx, params);
  const { ws, ep } = requireEndpoint(ctx, params);
  if (ep.provisioningState === 'Deleting') throw new ArmError(409, 'Conflict', `Endpoint '${ep.name}' is being deleted.`, { target: ep.id });
  const name = param(params, 'dep');
  const body = asRecord(ctx.req.body);
  const props = clone(asRecord(body.properties));
  delete props.provisioningState;
  const existing = ep.deployments.get(name.toLowerCase());
  if (existing !== undefined && busy(existing.provisioningState)) {
    throw new ArmError(409, 'Conflict', `Deployment '${existing.name}' is ${existing.provisioningState}.`, { target: existing.id });
  }
  if (existing === undefined && !DEP_NAME.test(name)) throw validationError(`Deployment name '${name}' is invalid.`, 'name');
  const location = typeof body.location === 'string' ? body.location.toLowerCase() : existing?.location;
  if (location === undefined) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.', { target: 'location' });
  const dep: DeploymentRecord = existing ?? { id: `${ep.id}/deployments/${name}`, name, location, tags: {}, properties: {}, provisioningState: 'Creating' };
  dep.properties = props;
  dep.tags = stringMap(body.tags);
  if (isRecord(body.sku)) dep.sku = clone(body.sku);
  if (typeof body.kind === 'string') dep.kind = body.kind;
  dep.provisioningState = existing === undefined ? 'Creating' : 'Updating';
  ep.deployments.set(name.toLowerCase(), dep);
  const owner = networkOwner(ctx.state, ws);
  const wait = waitForNetwork(ctx, owner);
  const op = startLro(ctx, {
    kind: existing === undefined ? 'deploymentCreate' : 'deploymentUpdate',
    target: dep.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: wait + ctx.settings.durations.deploymentCreate,
    failAtCompletion: () =>
      isManaged(owner) && owner.managedNetwork.status !== 'Active'
        ? { code: 'ManagedNetworkNotProvisioned', message: `Online deployments need a provisioned managed network; workspace '${owner.name}' has none.` }
        : undefined,
    onSucceeded: () => {
      dep.provisioningState = 'Succeeded';
    },
    onFailed: () => {
      dep.provisioningState = 'Failed';
    },
    finalBody: () => deploymentView(dep),
  });
  return lroResponse(ctx, op, { status: existing === undefined ? 201 : 200, body: deploymentView(dep), location: false });
}

function patchDeployment(ctx: HandlerContext, params: Params): EmuResponse {
  const { dep } = requireDeployment(ctx, params);
  const body = asRecord(ctx.req.body);
  if (body.tags !== undefined) dep.tags = stringMap(body.tags);
  if (isRecord(body.sku)) dep.sku = { ...asRecord(dep.sku), ...clone(body.sku) };
  for (const [k, v] of Object.entries(asRecord(body.properties))) if (k !== 'provisioningState') dep.properties[k] = clone(v);
  return json(200, deploymentView(dep));
}

function deleteDeployment(ctx: HandlerContext, params: Params): EmuResponse {
  const { ws, ep } = requireEndpoint(ctx, params);
  const dep = ep.deployments.get(param(params, 'dep').toLowerCase());
  if (dep === undefined) return noContent();
  const traffic = asRecord(ep.properties.traffic);
  const share = Object.entries(traffic).find(([n]) => n.toLowerCase() === dep.name.toLowerCase())?.[1];
  if (typeof share === 'number' && share > 0) {
    throw validationError(`Deployment '${dep.name}' receives ${share}% of the traffic of endpoint '${ep.name}'; set its traffic to 0 first.`);
  }
  const state = ctx.state;
  const running = state.ops.active(dep.id, ['deploymentDelete']);
  if (running !== undefined) return lroResponse(ctx, running, { status: 202 });
  for (const op of state.ops.activeUnder(dep.id)) state.ops.cancel(op, state.now(), `Deployment '${dep.name}' is being deleted.`);
  dep.provisioningState = 'Deleting';
  const op = startLro(ctx, {
    kind: 'deploymentDelete',
    target: dep.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: ctx.settings.durations.deploymentDelete,
    onSucceeded: () => {
      if (ep.deployments.get(dep.name.toLowerCase()) === dep) ep.deployments.delete(dep.name.toLowerCase());
      const t = asRecord(ep.properties.traffic);
      for (const n of Object.keys(t)) if (n.toLowerCase() === dep.name.toLowerCase()) delete t[n];
    },
    onFailed: () => {
      dep.provisioningState = 'Succeeded';
    },
  });
  return lroResponse(ctx, op, { status: 202 });
}
