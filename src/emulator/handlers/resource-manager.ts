/**
 * Microsoft.Resources: subscriptions (GET), resource groups (PUT/GET/list), resource provider registration
 * (GET one / list / POST register). Registration is immediate (the real Registering phase is skipped).
 */
import { PROVIDERS_API_VERSION, RESOURCES_API_VERSION } from '../../arm/api-versions';
import { REQUIRED_RESOURCE_PROVIDER } from '../../catalog';
import { ArmError } from '../arm-error';
import type { HandlerContext } from '../context';
import { asRecord, json, stringMap, type EmuResponse } from '../http-types';
import type { Params, Route } from '../router';
import { resourceGroupView } from '../views/simple-views';
import { listPage, param } from './common';

const RES = [RESOURCES_API_VERSION] as const;
const PROV = [...new Set([PROVIDERS_API_VERSION, RESOURCES_API_VERSION])];
const RG_NAME = /^[-\w._()]{1,90}$/;

export function resourceManagerRoutes(): Route[] {
  return [
    // Subscriptions api-versions differ from the resources one; any dated version is accepted.
    { method: 'GET', pattern: '/subscriptions', apiVersions: 'dated', handler: listSubscriptions },
    { method: 'GET', pattern: '/subscriptions/:sub', apiVersions: 'dated', handler: getSubscription },
    { method: 'GET', pattern: '/subscriptions/:sub/resourcegroups', apiVersions: RES, handler: listResourceGroups },
    { method: 'GET', pattern: '/subscriptions/:sub/resourcegroups/:rg', apiVersions: RES, handler: getResourceGroup },
    { method: 'PUT', pattern: '/subscriptions/:sub/resourcegroups/:rg', apiVersions: RES, checkParents: false, handler: putResourceGroup },
    // CheckExistence: 204 when it exists, 404 otherwise.
    { method: 'HEAD', pattern: '/subscriptions/:sub/resourcegroups/:rg', apiVersions: RES, checkParents: false, handler: headResourceGroup },
    { method: 'GET', pattern: '/subscriptions/:sub/providers', apiVersions: PROV, handler: listProviders },
    { method: 'GET', pattern: '/subscriptions/:sub/providers/:ns', apiVersions: PROV, handler: getProvider },
    { method: 'POST', pattern: '/subscriptions/:sub/providers/:ns/register', apiVersions: PROV, lock: 'none', handler: registerProvider },
  ];
}

function subscriptionBody(ctx: HandlerContext, sub: string): Record<string, unknown> {
  const s = ctx.state.subscription(sub);
  if (s === undefined) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
  return { id: `/subscriptions/${s.subscriptionId}`, subscriptionId: s.subscriptionId, tenantId: s.tenantId, displayName: s.displayName, state: 'Enabled' };
}

function listSubscriptions(ctx: HandlerContext): EmuResponse {
  return listPage(ctx, ctx.state.subscriptions().map((s) => subscriptionBody(ctx, s.subscriptionId)));
}

function getSubscription(ctx: HandlerContext, params: Params): EmuResponse {
  return json(200, subscriptionBody(ctx, param(params, 'sub')));
}

function listResourceGroups(ctx: HandlerContext, params: Params): EmuResponse {
  const sub = param(params, 'sub').toLowerCase();
  return listPage(ctx, [...ctx.state.db.resourceGroups.values()].filter((g) => g.subscriptionId.toLowerCase() === sub).map(resourceGroupView));
}

function getResourceGroup(ctx: HandlerContext, params: Params): EmuResponse {
  const rg = ctx.state.resourceGroup(param(params, 'sub'), param(params, 'rg'));
  if (rg === undefined) throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${param(params, 'rg')}' could not be found.`);
  return json(200, resourceGroupView(rg));
}

function headResourceGroup(ctx: HandlerContext, params: Params): EmuResponse {
  return { status: ctx.state.resourceGroup(param(params, 'sub'), param(params, 'rg')) === undefined ? 404 : 204 };
}

function putResourceGroup(ctx: HandlerContext, params: Params): EmuResponse {
  const sub = param(params, 'sub');
  const name = param(params, 'rg');
  const s = ctx.state.subscription(sub);
  if (s === undefined) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${sub}' could not be found.`);
  if (!RG_NAME.test(name) || name.endsWith('.')) throw new ArmError(400, 'InvalidResourceGroupName', `The resource group name '${name}' is invalid.`);
  const body = asRecord(ctx.req.body);
  const existing = ctx.state.resourceGroup(sub, name);
  if (existing !== undefined) {
    if (typeof body.location === 'string' && body.location.toLowerCase() !== existing.location) {
      throw new ArmError(409, 'InvalidResourceGroupLocation', `Invalid resource group location '${body.location}'. The Resource group already exists in location '${existing.location}' in resource group '${existing.name}'. A resource group cannot change location.`);
    }
    if (body.tags !== undefined) existing.tags = stringMap(body.tags);
    return json(200, resourceGroupView(existing));
  }
  if (typeof body.location !== 'string' || body.location.trim() === '') {
    throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.', { target: 'location' });
  }
  const rg = ctx.state.addResourceGroup(s.subscriptionId, name, body.location.toLowerCase().replace(/\s+/g, ''), stringMap(body.tags));
  return json(201, resourceGroupView(rg));
}

function providerBody(ctx: HandlerContext, sub: string, ns: string): Record<string, unknown> {
  const s = ctx.state.subscription(sub);
  const state = s?.providers.get(ns.toLowerCase()) ?? 'Registered';
  return {
    id: `/subscriptions/${s?.subscriptionId ?? sub}/providers/${ns}`,
    namespace: ns,
    registrationState: state,
    registrationPolicy: 'RegistrationRequired',
    resourceTypes: [],
  };
}

function listProviders(ctx: HandlerContext, params: Params): EmuResponse {
  const sub = param(params, 'sub');
  const known = ['Microsoft.MachineLearningServices', REQUIRED_RESOURCE_PROVIDER, 'Microsoft.Storage', 'Microsoft.KeyVault', 'Microsoft.ContainerRegistry', 'Microsoft.Insights', 'Microsoft.Authorization', 'Microsoft.ResourceGraph'];
  const extra = [...(ctx.state.subscription(sub)?.providers.keys() ?? [])].filter((k) => !known.some((n) => n.toLowerCase() === k));
  return listPage(ctx, [...known, ...extra].map((ns) => providerBody(ctx, sub, ns)));
}

function getProvider(ctx: HandlerContext, params: Params): EmuResponse {
  return json(200, providerBody(ctx, param(params, 'sub'), param(params, 'ns')));
}

function registerProvider(ctx: HandlerContext, params: Params): EmuResponse {
  ctx.state.setProviderState(param(params, 'sub'), param(params, 'ns'), 'Registered');
  return json(200, providerBody(ctx, param(params, 'sub'), param(params, 'ns')));
}
