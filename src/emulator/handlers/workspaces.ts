/**
 * Workspaces: GET/PUT/PATCH/DELETE, list by subscription and resource group, POST provisionManagedNetwork.
 * PUT creating a workspace and DELETE are LROs (202 + Location + Azure-AsyncOperation + Retry-After); a PUT on an
 * existing workspace and PATCH answer 200 synchronously. Every write changes the etag; If-Match is honoured.
 * A PUT that omits managedNetwork.isolationMode keeps the current mode (tolerant; real PUT semantics unverified).
 * managedNetwork.outboundRules in a PUT replace the user rules, in a PATCH they are merged (unverified).
 */
import { WORKSPACE_NAME_PATTERN, HUB_KIND, PROJECT_KIND, WORKSPACE_KINDS } from '../../catalog';
import { ArmError, validationError, resourceNotFound } from '../arm-error';
import { lroResponse, startLro, type HandlerContext } from '../context';
import { asRecord, clone, isRecord, json, noContent, stringMap, type EmuResponse } from '../http-types';
import { materializeIdentity } from '../model/identity';
import { WORKSPACE_TYPE, networkOwner } from '../model/network';
import { activeProvisioning, startProvisioning, provisioningDuration } from '../model/provisioning';
import type { UserRuleRecord, WorkspaceRecord } from '../model/records';
import { validateUserRule } from '../model/rule-validation';
import { key } from '../model/scope';
import {
  READ_ONLY_WORKSPACE_PROPERTIES,
  checkModeTransition,
  parseFirewallSku,
  parseIsolationMode,
  parsePublicNetworkAccess,
} from '../model/workspace-input';
import { guidFrom } from '../prng';
import type { Params, Route } from '../router';
import { workspaceView } from '../views/workspace-view';
import { ML, WS_BASE, checkName, checkPreconditions, etagHeader, listPage, param, requireWorkspace, wsIdFrom } from './common';

export function workspaceRoutes(): Route[] {
  return [
    { method: 'GET', pattern: '/subscriptions/:sub/providers/Microsoft.MachineLearningServices/workspaces', apiVersions: ML, handler: listBySubscription },
    { method: 'GET', pattern: '/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.MachineLearningServices/workspaces', apiVersions: ML, handler: listByResourceGroup },
    { method: 'GET', pattern: WS_BASE, apiVersions: ML, handler: getWorkspace },
    { method: 'PUT', pattern: WS_BASE, apiVersions: ML, handler: putWorkspace },
    { method: 'PATCH', pattern: WS_BASE, apiVersions: ML, handler: patchWorkspace },
    { method: 'DELETE', pattern: WS_BASE, apiVersions: ML, handler: deleteWorkspace },
    { method: 'POST', pattern: `${WS_BASE}/provisionManagedNetwork`, apiVersions: ML, handler: provisionManagedNetwork },
    // Inbound private endpoints are out of the emulator's scope: always none (tolerant read).
    { method: 'GET', pattern: `${WS_BASE}/privateEndpointConnections`, apiVersions: ML, handler: listPrivateEndpointConnections },
  ];
}

function kindFilter(ctx: HandlerContext): (ws: WorkspaceRecord) => boolean {
  const kind = ctx.req.query.kind;
  return (ws) => kind === undefined || ws.kind.toLowerCase() === kind.toLowerCase();
}

function listBySubscription(ctx: HandlerContext, params: Params): EmuResponse {
  const sub = param(params, 'sub').toLowerCase();
  const filter = kindFilter(ctx);
  const items = [...ctx.state.db.workspaces.values()].filter((w) => w.subscriptionId.toLowerCase() === sub && filter(w));
  return listPage(ctx, items.map((w) => workspaceView(ctx.state, w)));
}

function listByResourceGroup(ctx: HandlerContext, params: Params): EmuResponse {
  const sub = param(params, 'sub').toLowerCase();
  const rg = param(params, 'rg').toLowerCase();
  const filter = kindFilter(ctx);
  const items = [...ctx.state.db.workspaces.values()].filter((w) => w.subscriptionId.toLowerCase() === sub && w.resourceGroup.toLowerCase() === rg && filter(w));
  return listPage(ctx, items.map((w) => workspaceView(ctx.state, w)));
}

function listPrivateEndpointConnections(ctx: HandlerContext, params: Params): EmuResponse {
  requireWorkspace(ctx, params);
  return json(200, { value: [] });
}

function getWorkspace(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWorkspace(ctx, params);
  return json(200, workspaceView(ctx.state, ws), etagHeader(ws.etag));
}

function putWorkspace(ctx: HandlerContext, params: Params): EmuResponse {
  const id = wsIdFrom(ctx, params);
  const existing = ctx.state.workspace(id);
  checkPreconditions(ctx, existing?.etag);
  if (existing !== undefined) {
    if (existing.provisioningState === 'Deleting' || existing.provisioningState === 'Creating') {
      throw new ArmError(409, 'Conflict', `Workspace '${existing.name}' has an operation in progress (${existing.provisioningState}).`, { target: id });
    }
    applyWrite(ctx, existing, asRecord(ctx.req.body), 'put');
    ctx.state.touch(existing);
    return json(200, workspaceView(ctx.state, existing), etagHeader(existing.etag));
  }
  const name = param(params, 'ws');
  checkName(name, WORKSPACE_NAME_PATTERN, 'workspace');
  const body = asRecord(ctx.req.body);
  if (typeof body.location !== 'string' || body.location.trim() === '') {
    throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.', { target: 'location' });
  }
  const kind = typeof body.kind === 'string' ? (WORKSPACE_KINDS.find((k) => k.toLowerCase() === (body.kind as string).toLowerCase()) ?? body.kind) : 'Default';
  const sub = param(params, 'sub');
  const now = ctx.state.now();
  const ws: WorkspaceRecord = {
    id,
    name,
    subscriptionId: sub,
    resourceGroup: ctx.state.resourceGroup(sub, param(params, 'rg'))?.name ?? param(params, 'rg'),
    location: body.location.trim().toLowerCase().replace(/\s+/g, ''),
    kind,
    tags: {},
    sku: { name: 'Basic', tier: 'Basic' },
    properties: {},
    managedNetwork: { isolationMode: 'Disabled', status: 'Inactive', sparkReady: false, firewallProvisioned: false, networkId: guidFrom(`network:${id.toLowerCase()}`) },
    userRules: new Map(),
    computes: new Map(),
    endpoints: new Map(),
    provisioningState: 'Creating',
    etag: ctx.state.newEtag(),
    workspaceGuid: guidFrom(`workspace:${id.toLowerCase()}`),
    createdAt: now,
    modifiedAt: now,
  };
  if (ws.identity === undefined && body.identity === undefined) body.identity = { type: 'SystemAssigned' };
  applyWrite(ctx, ws, body, 'create');
  ctx.state.db.workspaces.set(key(id), ws);
  const props = asRecord(body.properties);
  const provisionNow = props.provisionNetworkNow === true && ws.managedNetwork.isolationMode !== 'Disabled' && networkOwner(ctx.state, ws) === ws;
  const state = ctx.state;
  const op = startLro(ctx, {
    kind: 'workspaceCreate',
    target: id,
    subscriptionId: sub,
    location: ws.location,
    durationMs: ctx.settings.durations.workspaceCreate + (provisionNow ? provisioningDuration(ctx, ws) : 0),
    onSucceeded: () => {
      ws.provisioningState = 'Succeeded';
      if (provisionNow) {
        ws.managedNetwork.status = 'Active';
        if (ws.userRules.size > 0 && [...ws.userRules.values()].some((r) => r.rule.type === 'FQDN')) ws.managedNetwork.firewallProvisioned = true;
      }
      state.touch(ws);
    },
    onFailed: () => {
      ws.provisioningState = 'Failed';
      state.touch(ws);
    },
    finalBody: () => workspaceView(state, ws),
  });
  return lroResponse(ctx, op, { status: 202 });
}

function patchWorkspace(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWorkspace(ctx, params);
  checkPreconditions(ctx, ws.etag);
  if (ws.provisioningState === 'Deleting') throw new ArmError(409, 'Conflict', `Workspace '${ws.name}' is being deleted.`, { target: ws.id });
  applyWrite(ctx, ws, asRecord(ctx.req.body), 'patch');
  ctx.state.touch(ws);
  return json(200, workspaceView(ctx.state, ws), etagHeader(ws.etag));
}

/** Applies the client-settable parts of a body; validates everything before mutating anything. */
function applyWrite(ctx: HandlerContext, ws: WorkspaceRecord, body: Record<string, unknown>, mode: 'create' | 'put' | 'patch'): void {
  const state = ctx.state;
  const props = asRecord(body.properties);
  const mnIn = isRecord(props.managedNetwork) ? props.managedNetwork : undefined;
  const kindIsProject = ws.kind.toLowerCase() === PROJECT_KIND.toLowerCase();

  if (body.location !== undefined && mode !== 'create' && typeof body.location === 'string' && body.location.toLowerCase().replace(/\s+/g, '') !== ws.location) {
    throw validationError(`The location of workspace '${ws.name}' cannot be changed.`, 'location');
  }
  if (kindIsProject) {
    const hubId = props.hubResourceId ?? ws.properties.hubResourceId;
    const hub = typeof hubId === 'string' ? state.workspace(hubId) : undefined;
    if (hub === undefined || hub.kind.toLowerCase() !== HUB_KIND.toLowerCase()) {
      throw validationError(`A Project workspace needs properties.hubResourceId naming an existing Hub workspace (got '${String(hubId)}').`, 'properties.hubResourceId');
    }
  }

  // Managed network (a Project uses its hub's and cannot set its own).
  let newMode = ws.managedNetwork.isolationMode;
  let newSku = ws.managedNetwork.firewallSku;
  let newRules: Map<string, UserRuleRecord> | undefined;
  if (mnIn !== undefined) {
    if (kindIsProject) {
      const hub = networkOwner(state, ws);
      if (mnIn.isolationMode !== undefined && parseIsolationMode(mnIn.isolationMode) !== hub.managedNetwork.isolationMode) {
        throw validationError('A Project uses the managed network of its hub; change the isolation mode on the hub.', 'properties.managedNetwork');
      }
    } else {
      if (mnIn.isolationMode !== undefined) {
        newMode = parseIsolationMode(mnIn.isolationMode);
        checkModeTransition(ws.managedNetwork.isolationMode, newMode);
      }
      if (mnIn.firewallSku !== undefined && mnIn.firewallSku !== null) newSku = parseFirewallSku(mnIn.firewallSku);
      if (isRecord(mnIn.outboundRules)) {
        newRules = mode === 'patch' ? new Map(ws.userRules) : new Map();
        for (const [name, rule] of Object.entries(mnIn.outboundRules)) {
          if (isRecord(rule) && rule.category === 'Required') continue; // echoed back from a GET
          if (name.startsWith('__SYS')) continue;
          if (rule === null) {
            newRules.delete(name.toLowerCase());
            continue;
          }
          newRules.set(name.toLowerCase(), { name, rule: validateUserRule(state, ws, newMode, name, rule) });
        }
      }
    }
  }
  // Existing rules must still be valid in the new mode (e.g. FQDN rules cannot stay in internet outbound).
  if (newRules === undefined && newMode !== ws.managedNetwork.isolationMode) {
    for (const r of ws.userRules.values()) validateUserRule(state, ws, newMode, r.name, r.rule);
  }
  const publicNetworkAccess = props.publicNetworkAccess !== undefined ? parsePublicNetworkAccess(props.publicNetworkAccess) : undefined;
  const identity = materializeIdentity(body.identity, ws.id, state.tenantOf(ws.subscriptionId) ?? '', ws.identity);

  // Mutate.
  if (kindIsProject && mode === 'create') ws.managedNetwork.isolationMode = networkOwner(state, ws).managedNetwork.isolationMode;
  else ws.managedNetwork.isolationMode = newMode;
  if (newSku !== undefined) ws.managedNetwork.firewallSku = newSku;
  if (newRules !== undefined) ws.userRules = newRules;
  if (body.identity !== undefined) {
    if (identity === undefined) delete ws.identity;
    else ws.identity = identity;
  }
  if (body.tags !== undefined) ws.tags = stringMap(body.tags);
  if (isRecord(body.sku) && typeof body.sku.name === 'string') ws.sku = { name: body.sku.name, tier: typeof body.sku.tier === 'string' ? body.sku.tier : body.sku.name };
  const kept: Record<string, unknown> = mode === 'patch' ? ws.properties : {};
  if (mode === 'put') {
    // A PUT replaces the properties but the dependency ids never change.
    for (const k of ['storageAccount', 'keyVault', 'containerRegistry', 'applicationInsights', 'hubResourceId']) if (ws.properties[k] !== undefined) kept[k] = ws.properties[k];
  }
  for (const [k, v] of Object.entries(props)) {
    if (READ_ONLY_WORKSPACE_PROPERTIES.has(k)) continue;
    if (k === 'imageBuildCompute' && v === '') {
      delete kept[k]; // an empty value switches back to the default
      continue;
    }
    kept[k] = clone(v);
  }
  if (publicNetworkAccess !== undefined) kept.publicNetworkAccess = publicNetworkAccess;
  ws.properties = kept;
}

function deleteWorkspace(ctx: HandlerContext, params: Params): EmuResponse {
  const id = wsIdFrom(ctx, params);
  const ws = ctx.state.workspace(id);
  if (ws === undefined) return noContent();
  const state = ctx.state;
  const running = state.ops.active(ws.id, ['workspaceDelete']);
  if (running !== undefined) return lroResponse(ctx, running, { status: 202 });
  const projects = [...state.db.workspaces.values()].filter((w) => typeof w.properties.hubResourceId === 'string' && key(w.properties.hubResourceId) === key(ws.id));
  if (projects.length > 0) {
    throw new ArmError(409, 'Conflict', `Hub '${ws.name}' still has projects (${projects.map((p) => p.name).join(', ')}); delete them first.`, { target: ws.id });
  }
  for (const op of state.ops.activeUnder(ws.id)) state.ops.cancel(op, state.now(), `Workspace '${ws.name}' is being deleted.`);
  const previous = ws.provisioningState;
  ws.provisioningState = 'Deleting';
  state.touch(ws);
  const op = startLro(ctx, {
    kind: 'workspaceDelete',
    target: ws.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: ctx.settings.durations.workspaceDelete,
    onSucceeded: () => {
      state.db.workspaces.delete(key(ws.id));
    },
    onFailed: () => {
      ws.provisioningState = previous;
      state.touch(ws);
    },
  });
  return lroResponse(ctx, op, { status: 202 });
}

function provisionManagedNetwork(ctx: HandlerContext, params: Params): EmuResponse {
  const ws = requireWorkspace(ctx, params);
  if (ws.kind.toLowerCase() === PROJECT_KIND.toLowerCase()) {
    throw validationError(`Workspace '${ws.name}' is a Project; provision the managed network of its hub.`);
  }
  if (ws.managedNetwork.isolationMode === 'Disabled') {
    throw validationError(`Managed network is not enabled for workspace '${ws.name}' (isolationMode Disabled).`);
  }
  if (ws.provisioningState !== 'Succeeded') {
    throw new ArmError(409, 'Conflict', `Workspace '${ws.name}' is ${ws.provisioningState}; retry when it has Succeeded.`, { target: ws.id });
  }
  const includeSpark = asRecord(ctx.req.body).includeSpark === true;
  const running = activeProvisioning(ctx.state, ws);
  // A second request while one runs joins it (the real service's answer here is unverified).
  const op = running ?? startProvisioning(ctx, ws, includeSpark, 'provisionManagedNetwork');
  return lroResponse(ctx, op, { status: 202 });
}

export function workspaceNotFound(id: string): ArmError {
  return resourceNotFound(WORKSPACE_TYPE, id);
}
