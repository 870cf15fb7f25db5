/**
 * Computes: GET, list, PUT (201 + Azure-AsyncOperation, `computeCreate`), PATCH (200), DELETE
 * (`underlyingResourceAction=Delete|Detach` required; 202 + Azure-AsyncOperation + Location, `computeDelete`),
 * POST start/stop/restart (compute instances; 202, `computeStartStop`).
 * In a managed network: no customer `subnet`, no Kubernetes/VirtualMachine/AKS, no cluster (AmlCompute) in another region;
 * the first compute in an unprovisioned managed network waits for an implicit provisioning and fails if the
 * network did not come up. Read-only fields sent back in a PUT are refused (arm-contract.md: drop them).
 */
import { COMPUTE_CLUSTER_TYPE, COMPUTE_NAME_PATTERN, CROSS_REGION_CLUSTER_SUPPORTED, UNSUPPORTED_COMPUTE_TYPES, knownComputeTypes } from '../../catalog';
import { ArmError, resourceNotFound, validationError } from '../arm-error';
import { lroResponse, startLro, type HandlerContext } from '../context';
import { asRecord, clone, isRecord, json, noContent, stringMap, type EmuResponse } from '../http-types';
import { materializeIdentity } from '../model/identity';
import { isManaged, networkOwner } from '../model/network';
import { waitForNetwork } from '../model/provisioning';
import type { ComputeRecord, WorkspaceRecord } from '../model/records';
import type { Params, Route } from '../router';
import { COMPUTE_READ_ONLY_FIELDS, COMPUTE_TYPE, computeView } from '../views/compute-view';
import { ML, WS_BASE, listPage, param, requireWorkspace, requireWritableWorkspace } from './common';

const COMPUTES = `${WS_BASE}/computes`;
const KNOWN_TYPES = knownComputeTypes();

export function computeRoutes(): Route[] {
  return [
    { method: 'GET', pattern: COMPUTES, apiVersions: ML, handler: listComputes },
    { method: 'GET', pattern: `${COMPUTES}/:name`, apiVersions: ML, handler: getCompute },
    { method: 'PUT', pattern: `${COMPUTES}/:name`, apiVersions: ML, handler: putCompute },
    { method: 'PATCH', pattern: `${COMPUTES}/:name`, apiVersions: ML, handler: patchCompute },
    { method: 'DELETE', pattern: `${COMPUTES}/:name`, apiVersions: ML, handler: deleteCompute },
    { method: 'POST', pattern: `${COMPUTES}/:name/start`, apiVersions: ML, handler: (c, p) => powerAction(c, p, 'start') },
    { method: 'POST', pattern: `${COMPUTES}/:name/stop`, apiVersions: ML, handler: (c, p) => powerAction(c, p, 'stop') },
    { method: 'POST', pattern: `${COMPUTES}/:name/restart`, apiVersions: ML, handler: (c, p) => powerAction(c, p, 'restart') },
  ];
}

function requireCompute(ctx: HandlerContext, params: Params): { ws: WorkspaceRecord; c: ComputeRecord } {
  const ws = requireWorkspace(ctx, params);
  const c = ws.computes.get(param(params, 'name').toLowerCase());
  if (c === undefined) throw resourceNotFound(COMPUTE_TYPE, `${ws.id}/computes/${param(params, 'name')}`);
  return { ws, c };
}

function listComputes(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWorkspace(ctx, params);
  return listPage(ctx, [...ws.computes.values()].map((c) => computeView(c)));
}

function getCompute(ctx: HandlerContext, params: Params): EmuResponse {
  const { c } = requireCompute(ctx, params);
  return json(200, computeView(c));
}

/** The managed-network rules for a compute definition. */
function checkManagedNetworkRules(owner: WorkspaceRecord, ws: WorkspaceRecord, computeType: string, computeLocation: string, typeProps: Record<string, unknown>): void {
  if (!isManaged(owner)) return;
  if (UNSUPPORTED_COMPUTE_TYPES.some((t) => t.toLowerCase() === computeType.toLowerCase())) {
    throw validationError(`Compute type ${computeType} is not supported in a workspace with a managed virtual network (isolation mode ${owner.managedNetwork.isolationMode}).`, 'properties.computeType');
  }
  const subnet = typeProps.subnet;
  if (subnet !== undefined && subnet !== null && !(isRecord(subnet) && (subnet.id === undefined || subnet.id === null || subnet.id === ''))) {
    throw validationError(`Computes in a workspace with a managed virtual network cannot use a customer subnet; remove properties.properties.subnet (workspace '${ws.name}').`, 'properties.properties.subnet');
  }
  if (!CROSS_REGION_CLUSTER_SUPPORTED && computeType === COMPUTE_CLUSTER_TYPE && computeLocation !== ws.location) {
    throw validationError(`A compute cluster in region '${computeLocation}' is not supported in the managed network of a workspace in '${ws.location}'.`, 'properties.computeLocation');
  }
}

function putCompute(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWritableWorkspace(ctx, params);
  const owner = networkOwner(ctx.state, ws);
  const name = param(params, 'name');
  if (!COMPUTE_NAME_PATTERN.test(name)) throw validationError(`Compute name '${name}' is invalid: 2-24 letters, digits or hyphens, starting with a letter.`, 'name');
  const body = asRecord(ctx.req.body);
  const props = asRecord(body.properties);
  const computeType = typeof props.computeType === 'string' ? KNOWN_TYPES.find((t) => t.toLowerCase() === (props.computeType as string).toLowerCase()) ?? props.computeType : undefined;
  if (computeType === undefined) throw validationError('properties.computeType is required.', 'properties.computeType');
  const typeProps = clone(asRecord(props.properties));
  const readOnly = COMPUTE_READ_ONLY_FIELDS.filter((f) => typeProps[f] !== undefined);
  if (readOnly.length > 0) {
    throw validationError(`Read-only properties cannot be set: ${readOnly.map((f) => `properties.properties.${f}`).join(', ')}.`, 'properties.properties');
  }
  const location = typeof body.location === 'string' ? body.location.toLowerCase() : ws.location;
  const computeLocation = typeof props.computeLocation === 'string' ? props.computeLocation.toLowerCase() : location;
  checkManagedNetworkRules(owner, ws, computeType, computeLocation, typeProps);
  const existing = ws.computes.get(name.toLowerCase());
  const state = ctx.state;
  const now = state.now();
  if (existing !== undefined) {
    if (existing.provisioningState !== 'Succeeded' && existing.provisioningState !== 'Failed') {
      throw new ArmError(409, 'Conflict', `Compute '${existing.name}' is ${existing.provisioningState}; retry when the operation completes.`, { target: existing.id });
    }
    if (existing.computeType !== computeType) throw validationError(`Compute '${name}' exists with type ${existing.computeType}; delete it to change the type.`, 'properties.computeType');
    existing.typeProperties = { ...existing.typeProperties, ...typeProps };
    existing.tags = body.tags !== undefined ? stringMap(body.tags) : existing.tags;
    existing.modifiedOn = now;
    return json(200, computeView(existing));
  }
  const c: ComputeRecord = {
    id: `${ws.id}/computes/${name}`,
    name,
    location,
    tags: stringMap(body.tags),
    computeType,
    computeLocation,
    typeProperties: typeProps,
    provisioningState: 'Creating',
    provisioningErrors: [],
    createdOn: now,
    modifiedOn: now,
  };
  const identity = materializeIdentity(body.identity, c.id, state.tenantOf(ws.subscriptionId) ?? '');
  if (identity !== undefined) c.identity = identity;
  if (isRecord(body.sku)) c.sku = clone(body.sku);
  if (typeof props.description === 'string') c.description = props.description;
  if (typeof props.disableLocalAuth === 'boolean') c.disableLocalAuth = props.disableLocalAuth;
  if (computeType === 'ComputeInstance') c.instanceState = 'Creating';
  ws.computes.set(name.toLowerCase(), c);
  const wait = waitForNetwork(ctx, owner);
  const op = startLro(ctx, {
    kind: 'computeCreate',
    target: c.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: wait + ctx.settings.durations.computeCreate,
    failAtCompletion: () =>
      isManaged(owner) && owner.managedNetwork.status !== 'Active'
        ? { code: 'ManagedNetworkNotProvisioned', message: `The managed network of workspace '${owner.name}' could not be provisioned.` }
        : undefined,
    onSucceeded: () => {
      c.provisioningState = 'Succeeded';
      if (c.computeType === 'ComputeInstance') c.instanceState = 'Running';
      c.modifiedOn = state.now();
    },
    onFailed: (error) => {
      c.provisioningState = 'Failed';
      if (c.computeType === 'ComputeInstance') c.instanceState = 'CreateFailed';
      c.provisioningErrors = [{ error: { code: error.code, message: error.message } }];
    },
    finalBody: () => computeView(c),
  });
  return lroResponse(ctx, op, { status: 201, body: computeView(c), location: false });
}

function patchCompute(ctx: HandlerContext, params: Params): EmuResponse {
  const { c } = requireCompute(ctx, params);
  const body = asRecord(ctx.req.body);
  const props = asRecord(body.properties);
  // AmlCompute updates: scaleSettings (under properties.properties or properties directly).
  const scale = asRecord(props.properties).scaleSettings ?? props.scaleSettings;
  if (isRecord(scale)) c.typeProperties.scaleSettings = { ...asRecord(c.typeProperties.scaleSettings), ...clone(scale) };
  if (body.tags !== undefined) c.tags = stringMap(body.tags);
  if (typeof props.description === 'string') c.description = props.description;
  c.modifiedOn = ctx.state.now();
  return json(200, computeView(c));
}

function deleteCompute(ctx: HandlerContext, params: Params): EmuResponse {
  const action = ctx.req.query.underlyingResourceAction;
  if (action === undefined || !['delete', 'detach'].includes(action.toLowerCase())) {
    throw new ArmError(400, 'BadRequest', `The query parameter underlyingResourceAction is required and must be Delete or Detach${action === undefined ? '' : ` (got '${action}')`}.`, { target: 'underlyingResourceAction' });
  }
  const ws = requireWorkspace(ctx, params);
  const c = ws.computes.get(param(params, 'name').toLowerCase());
  if (c === undefined) return noContent();
  const state = ctx.state;
  const running = state.ops.active(c.id, ['computeDelete']);
  if (running !== undefined) return lroResponse(ctx, running, { status: 202 });
  for (const op of state.ops.activeUnder(c.id)) state.ops.cancel(op, state.now(), `Compute '${c.name}' is being deleted.`);
  const previous = c.provisioningState;
  c.provisioningState = 'Deleting';
  if (c.computeType === 'ComputeInstance') c.instanceState = 'Deleting';
  const op = startLro(ctx, {
    kind: 'computeDelete',
    target: c.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: ctx.settings.durations.computeDelete,
    onSucceeded: () => {
      if (ws.computes.get(c.name.toLowerCase()) === c) ws.computes.delete(c.name.toLowerCase());
    },
    onFailed: () => {
      c.provisioningState = previous === 'Creating' ? 'Failed' : previous;
      if (c.computeType === 'ComputeInstance') c.instanceState = 'Running';
    },
  });
  return lroResponse(ctx, op, { status: 202 });
}

const POWER = {
  start: { from: ['Stopped'], during: 'Starting', to: 'Running' },
  stop: { from: ['Running'], during: 'Stopping', to: 'Stopped' },
  restart: { from: ['Running'], during: 'Restarting', to: 'Running' },
} as const;

function powerAction(ctx: HandlerContext, params: Params, action: keyof typeof POWER): EmuResponse {
  const { ws, c } = requireCompute(ctx, params);
  if (c.computeType !== 'ComputeInstance') throw validationError(`Only compute instances can ${action}; '${c.name}' is ${c.computeType}.`);
  const rule = POWER[action];
  const current = c.instanceState ?? 'Running';
  if (c.provisioningState !== 'Succeeded' || !(rule.from as readonly string[]).includes(current)) {
    throw new ArmError(409, 'Conflict', `Compute instance '${c.name}' is ${current}; cannot ${action} now.`, { target: c.id });
  }
  c.instanceState = rule.during;
  const op = startLro(ctx, {
    kind: `compute${action[0]?.toUpperCase()}${action.slice(1)}`,
    target: c.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: ctx.settings.durations.computeStartStop,
    onSucceeded: () => {
      c.instanceState = rule.to;
    },
    onFailed: () => {
      c.instanceState = current;
    },
  });
  return lroResponse(ctx, op, { status: 202 });
}
