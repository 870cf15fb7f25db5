/** Direct (non-HTTP) builders the scenarios use to seed state; cheap enough for scale:10000. */
import type { IsolationMode, OutboundRule } from '../../arm/types';
import { workspaceId } from '../../arm/resource-id';
import { materializeIdentity } from '../model/identity';
import type { ComputeRecord, DeploymentRecord, EndpointRecord, GenericResourceRecord, WorkspaceRecord } from '../model/records';
import { key, resourceGroupId } from '../model/scope';
import { guidFrom } from '../prng';
import type { EmulatorState } from '../state';

export interface WorkspaceSeed {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location: string;
  kind?: string;
  mode: IsolationMode;
  /** Managed network provisioned (status Active). */
  active?: boolean;
  sparkReady?: boolean;
  /** System-assigned identity (default true). */
  systemAssigned?: boolean;
  /** User-assigned identity resource ids. */
  userAssigned?: string[];
  publicNetworkAccess?: 'Enabled' | 'Disabled';
  /** Dependency resource ids (omit to leave unset). */
  storageAccount?: string;
  keyVault?: string;
  containerRegistry?: string;
  applicationInsights?: string;
  hubResourceId?: string;
  tags?: Record<string, string>;
  description?: string;
  createdAt?: number;
}

export function seedWorkspace(state: EmulatorState, s: WorkspaceSeed): WorkspaceRecord {
  const id = workspaceId(s.subscriptionId, s.resourceGroup, s.name);
  const tenant = state.tenantOf(s.subscriptionId) ?? '';
  const types = [s.systemAssigned !== false ? 'SystemAssigned' : undefined, (s.userAssigned?.length ?? 0) > 0 ? 'UserAssigned' : undefined].filter((t) => t !== undefined);
  const identityInput =
    types.length === 0
      ? undefined
      : { type: types.join(','), userAssignedIdentities: Object.fromEntries((s.userAssigned ?? []).map((u) => [u, {}])) };
  const properties: Record<string, unknown> = { friendlyName: s.name, publicNetworkAccess: s.publicNetworkAccess ?? 'Enabled' };
  for (const k of ['storageAccount', 'keyVault', 'containerRegistry', 'applicationInsights', 'hubResourceId', 'description'] as const) {
    if (s[k] !== undefined) properties[k] = s[k];
  }
  const created = s.createdAt ?? state.now() - 90 * 24 * 3600 * 1000;
  const ws: WorkspaceRecord = {
    id,
    name: s.name,
    subscriptionId: s.subscriptionId,
    resourceGroup: s.resourceGroup,
    location: s.location,
    kind: s.kind ?? 'Default',
    tags: { ...(s.tags ?? {}) },
    sku: { name: 'Basic', tier: 'Basic' },
    properties,
    managedNetwork: {
      isolationMode: s.mode,
      status: s.active === true && s.mode !== 'Disabled' ? 'Active' : 'Inactive',
      sparkReady: s.sparkReady === true,
      firewallProvisioned: false,
      networkId: guidFrom(`network:${id.toLowerCase()}`),
    },
    userRules: new Map(),
    computes: new Map(),
    endpoints: new Map(),
    provisioningState: 'Succeeded',
    etag: state.newEtag(),
    workspaceGuid: guidFrom(`workspace:${id.toLowerCase()}`),
    createdAt: created,
    modifiedAt: created,
  };
  const identity = materializeIdentity(identityInput, id, tenant);
  if (identity !== undefined) ws.identity = identity;
  state.db.workspaces.set(key(id), ws);
  return ws;
}

/** Adds a user rule as if written and applied. FQDN rules on an Active network mark the firewall provisioned. */
export function seedRule(ws: WorkspaceRecord, name: string, rule: OutboundRule): void {
  ws.userRules.set(name.toLowerCase(), { name, rule });
  if (rule.type === 'FQDN' && ws.managedNetwork.status === 'Active') ws.managedNetwork.firewallProvisioned = true;
}

export function seedCompute(ws: WorkspaceRecord, c: Omit<ComputeRecord, 'id' | 'provisioningErrors' | 'createdOn' | 'modifiedOn' | 'location' | 'computeLocation' | 'tags' | 'provisioningState'> & Partial<Pick<ComputeRecord, 'location' | 'computeLocation' | 'tags' | 'provisioningState'>>): ComputeRecord {
  const rec: ComputeRecord = {
    id: `${ws.id}/computes/${c.name}`,
    location: ws.location,
    computeLocation: ws.location,
    tags: {},
    provisioningState: 'Succeeded',
    provisioningErrors: [],
    createdOn: ws.createdAt,
    modifiedOn: ws.createdAt,
    ...c,
  };
  ws.computes.set(c.name.toLowerCase(), rec);
  return rec;
}

export function seedEndpoint(ws: WorkspaceRecord, name: string, properties: Record<string, unknown>, deployments: { name: string; sku?: Record<string, unknown>; properties: Record<string, unknown> }[]): EndpointRecord {
  const ep: EndpointRecord = {
    id: `${ws.id}/onlineEndpoints/${name}`,
    name,
    location: ws.location,
    kind: 'Managed',
    tags: {},
    identity: { type: 'SystemAssigned', principalId: guidFrom(`ep:${ws.id}:${name}`), tenantId: ws.identity?.tenantId ?? '' },
    properties,
    provisioningState: 'Succeeded',
    deployments: new Map(),
  };
  for (const d of deployments) {
    const dep: DeploymentRecord = { id: `${ep.id}/deployments/${d.name}`, name: d.name, location: ws.location, kind: 'Managed', tags: {}, properties: d.properties, provisioningState: 'Succeeded' };
    if (d.sku !== undefined) dep.sku = d.sku;
    ep.deployments.set(d.name.toLowerCase(), dep);
  }
  ws.endpoints.set(name.toLowerCase(), ep);
  return ep;
}

export function dependencyId(subscriptionId: string, resourceGroup: string, type: string, name: string): string {
  return `${resourceGroupId(subscriptionId, resourceGroup)}/providers/${type}/${name}`;
}

export function seedResource(
  state: EmulatorState,
  subscriptionId: string,
  resourceGroup: string,
  type: string,
  name: string,
  location: string,
  properties: Record<string, unknown>,
  extra: Partial<Pick<GenericResourceRecord, 'kind' | 'sku' | 'tags'>> = {},
): string {
  const id = dependencyId(subscriptionId, resourceGroup, type, name);
  state.putResource({ id, name, type, subscriptionId, resourceGroup, location, tags: extra.tags ?? {}, properties, ...(extra.kind !== undefined ? { kind: extra.kind } : {}), ...(extra.sku !== undefined ? { sku: extra.sku } : {}) });
  return id;
}

/** Role assignment with a deterministic GUID name (scope + principal + role), as the product creates them. */
export function seedRoleAssignment(state: EmulatorState, scope: string, principalId: string, roleGuid: string, principalType = 'ServicePrincipal'): void {
  const name = guidFrom(`ra:${scope.toLowerCase()}:${principalId.toLowerCase()}:${roleGuid.toLowerCase()}`);
  const sub = /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? '';
  const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`;
  const now = state.now();
  state.db.roleAssignments.set(key(id), {
    id,
    name,
    scope,
    roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`,
    principalId,
    principalType,
    createdOn: now,
    updatedOn: now,
  });
}
