/** Builders for planner / drift tests: a validated-looking Policy and ARM-shaped workspaces. */
import type { ComputeResource, OutboundRule, Workspace } from '../../src/arm/types';
import type { Policy } from '../../src/policy/types';

export const SUB = '00000000-0000-0000-0000-000000000001';
export const OTHER_SUB = '00000000-0000-0000-0000-000000000002';
export const RG = 'rg-ml';

export function wsId(name: string, rg = RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${name}`;
}

export function resId(provider: string, type: string, name: string, rg = RG, sub = SUB): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${provider}/${type}/${name}`;
}

export const STORAGE = resId('Microsoft.Storage', 'storageAccounts', 'stml001');
export const KEYVAULT = resId('Microsoft.KeyVault', 'vaults', 'kv-ml-001');
export const ACR = resId('Microsoft.ContainerRegistry', 'registries', 'crml001');
export const PRINCIPAL = '11111111-2222-3333-4444-555555555555';

type DeepPartialPolicy = Partial<Omit<Policy, 'managed_network'>> & { managed_network?: Partial<Policy['managed_network']> };

export function makePolicy(overrides: DeepPartialPolicy = {}): Policy {
  const { managed_network, ...rest } = overrides;
  return {
    name: 'test-policy',
    scope: { subscriptions: [SUB], resource_groups: [], workspace_kinds: [], tags: {}, exclude: [] },
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [], ...managed_network },
    rule_packs: [],
    rule_pack_options: {},
    provisioning: { provision_now: true, include_spark: false },
    compute_migration: { mode: 'require_approval', approval_timeout_hours: 72, skip_unsupported: false, max_parallel_deletes: 10 },
    approver_roles: { assign: true, custom_role_for_uncovered_types: true },
    drift: { mode: 'report', max_workspaces_per_run: 25 },
    ...rest,
  };
}

/** Required rules as the service adds them in approved-outbound mode. */
export function requiredRules(region = 'eastus', name = 'ws1'): Record<string, OutboundRule> {
  const tag = (serviceTag: string): OutboundRule => ({
    type: 'ServiceTag',
    category: 'Required',
    status: 'Active',
    destination: { serviceTag, protocol: 'TCP', portRanges: '443', action: 'Allow' },
  });
  return {
    [`__SYS_PE_${name}_amlworkspace`]: {
      type: 'PrivateEndpoint',
      category: 'Required',
      status: 'Active',
      destination: { serviceResourceId: wsId(name), subresourceTarget: 'amlworkspace', sparkEnabled: false },
    },
    [`__SYS_PE_stml001_blob`]: {
      type: 'PrivateEndpoint',
      category: 'Required',
      status: 'Active',
      destination: { serviceResourceId: STORAGE, subresourceTarget: 'blob', sparkEnabled: false },
    },
    __SYS_ST_AzureActiveDirectory: tag('AzureActiveDirectory'),
    __SYS_ST_AzureMachineLearning: tag('AzureMachineLearning'),
    [`__SYS_ST_BatchNodeManagement.${region}`]: tag(`BatchNodeManagement.${region}`),
  };
}

export interface WorkspaceOptions {
  name?: string;
  mode?: 'Disabled' | 'AllowInternetOutbound' | 'AllowOnlyApprovedOutbound';
  rules?: Record<string, OutboundRule>;
  kind?: string;
  location?: string;
  tags?: Record<string, string>;
  status?: 'Active' | 'Inactive';
  publicNetworkAccess?: 'Enabled' | 'Disabled';
  firewallSku?: 'Standard' | 'Basic';
  rg?: string;
  sub?: string;
  hubResourceId?: string;
}

export function makeWorkspace(o: WorkspaceOptions = {}): Workspace {
  const name = o.name ?? 'ws1';
  const mode = o.mode ?? 'Disabled';
  const location = o.location ?? 'eastus';
  const ws: Workspace = {
    id: wsId(name, o.rg, o.sub),
    name,
    type: 'Microsoft.MachineLearningServices/workspaces',
    location,
    kind: o.kind ?? 'Default',
    tags: o.tags ?? {},
    identity: { type: 'SystemAssigned', principalId: PRINCIPAL, tenantId: '99999999-0000-0000-0000-000000000000' },
    properties: {
      storageAccount: STORAGE,
      keyVault: KEYVAULT,
      containerRegistry: ACR,
      publicNetworkAccess: o.publicNetworkAccess ?? 'Enabled',
      provisioningState: 'Succeeded',
      managedNetwork: {
        isolationMode: mode,
        outboundRules: o.rules ?? (mode === 'Disabled' ? {} : requiredRules(location, name)),
        status: { status: o.status ?? (mode === 'Disabled' ? 'Inactive' : 'Active'), sparkReady: false },
        ...(o.firewallSku ? { firewallSku: o.firewallSku } : {}),
      },
    },
  };
  if (o.hubResourceId !== undefined) ws.properties.hubResourceId = o.hubResourceId;
  return ws;
}

export function fqdnRule(destination: string, category: 'UserDefined' | 'Required' | 'Recommended' = 'UserDefined'): OutboundRule {
  return { type: 'FQDN', category, status: 'Active', destination };
}

export function cluster(name: string, location = 'eastus'): ComputeResource {
  return {
    id: `${wsId('ws1')}/computes/${name}`,
    name,
    location,
    properties: {
      computeType: 'AmlCompute',
      computeLocation: location,
      provisioningState: 'Succeeded',
      properties: { vmSize: 'STANDARD_DS3_V2', scaleSettings: { minNodeCount: 0, maxNodeCount: 4 } },
    },
  };
}

export function instance(name: string): ComputeResource {
  return {
    id: `${wsId('ws1')}/computes/${name}`,
    name,
    location: 'eastus',
    properties: { computeType: 'ComputeInstance', computeLocation: 'eastus', properties: { vmSize: 'STANDARD_DS11_V2', state: 'Running' } },
  };
}

export function otherCompute(name: string, computeType: string): ComputeResource {
  return { name, location: 'eastus', properties: { computeType, computeLocation: 'eastus' } };
}
