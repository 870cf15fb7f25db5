/**
 * `demo`: one tenant, two subscriptions, a workspace in every state the product meets. Described in README.md
 * next to this file (keep both in step).
 */
import { APPROVER_ROLE } from '../../catalog';
import type { WorkspaceRecord } from '../model/records';
import { resourceGroupId } from '../model/scope';
import { DEFAULT_TENANT_ID, type EmulatorState } from '../state';
import { dependencyId, seedCompute, seedEndpoint, seedResource, seedRoleAssignment, seedRule, seedWorkspace } from './builders';

export const DEMO_SUBSCRIPTION_1 = '00000000-0000-0000-0000-000000000001';
export const DEMO_SUBSCRIPTION_2 = '00000000-0000-0000-0000-000000000002';

const S1 = DEMO_SUBSCRIPTION_1;
const S2 = DEMO_SUBSCRIPTION_2;
const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';

/** The demo workspace ids, by role in the story. */
export const DEMO_WORKSPACES = {
  legacyDisabled: `/subscriptions/${S1}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-legacy`,
  internetOutbound: `/subscriptions/${S1}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-internet`,
  approvedCompliant: `/subscriptions/${S1}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-approved`,
  approvedMissingRole: `/subscriptions/${S1}/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-missing-approver`,
  hub: `/subscriptions/${S1}/resourceGroups/rg-ai-hub/providers/Microsoft.MachineLearningServices/workspaces/hub-contoso`,
  project: `/subscriptions/${S1}/resourceGroups/rg-ai-hub/providers/Microsoft.MachineLearningServices/workspaces/proj-chat`,
  locked: `/subscriptions/${S1}/resourceGroups/rg-ml-locked/providers/Microsoft.MachineLearningServices/workspaces/ws-locked`,
  researchDisabled: `/subscriptions/${S2}/resourceGroups/rg-research/providers/Microsoft.MachineLearningServices/workspaces/ws-research`,
  researchInternetUnprovisioned: `/subscriptions/${S2}/resourceGroups/rg-research/providers/Microsoft.MachineLearningServices/workspaces/ws-research-net`,
} as const;

export const DEMO_SHARED = {
  storage: dependencyId(S1, 'rg-ml-shared', 'Microsoft.Storage/storageAccounts', 'stcontososhared'),
  search: dependencyId(S1, 'rg-ml-shared', 'Microsoft.Search/searchServices', 'srch-contoso'),
  aiServices: dependencyId(S1, 'rg-ml-shared', 'Microsoft.CognitiveServices/accounts', 'ais-contoso'),
  dataFactory: dependencyId(S1, 'rg-ml-shared', 'Microsoft.DataFactory/factories', 'adf-contoso'),
  userAssignedIdentity: dependencyId(S1, 'rg-ml-shared', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ml-shared'),
} as const;

/** Default resources of a workspace (storage, key vault, registry, app insights) in its resource group. */
function dependencies(state: EmulatorState, sub: string, rg: string, base: string, location: string, pna: { storage?: 'Enabled' | 'Disabled'; keyVault?: 'Enabled' | 'Disabled'; registry?: 'Enabled' | 'Disabled' | 'none' } = {}) {
  const compact = base.replace(/[^a-z0-9]/g, '');
  const storageAccount = seedResource(state, sub, rg, 'Microsoft.Storage/storageAccounts', `st${compact}`.slice(0, 24), location, { publicNetworkAccess: pna.storage ?? 'Enabled', minimumTlsVersion: 'TLS1_2', isHnsEnabled: false }, { kind: 'StorageV2', sku: { name: 'Standard_LRS', tier: 'Standard' } });
  const keyVault = seedResource(state, sub, rg, 'Microsoft.KeyVault/vaults', `kv-${base}`.slice(0, 24), location, { publicNetworkAccess: pna.keyVault ?? 'Enabled', tenantId: DEFAULT_TENANT_ID, enableRbacAuthorization: true, sku: { family: 'A', name: 'standard' } });
  const applicationInsights = seedResource(state, sub, rg, 'Microsoft.Insights/components', `appi-${base}`, location, { publicNetworkAccessForIngestion: 'Enabled', publicNetworkAccessForQuery: 'Enabled', Application_Type: 'web' }, { kind: 'web' });
  const out: { storageAccount: string; keyVault: string; applicationInsights: string; containerRegistry?: string } = { storageAccount, keyVault, applicationInsights };
  if (pna.registry !== 'none') {
    out.containerRegistry = seedResource(state, sub, rg, 'Microsoft.ContainerRegistry/registries', `cr${compact}`.slice(0, 50), location, { publicNetworkAccess: pna.registry ?? 'Enabled', adminUserEnabled: false }, { sku: { name: 'Premium', tier: 'Premium' } });
  }
  return out;
}

function clusters(ws: WorkspaceRecord): void {
  seedCompute(ws, {
    name: 'cpu-cluster',
    computeType: 'AmlCompute',
    description: 'General purpose CPU training',
    typeProperties: { vmSize: 'STANDARD_DS3_V2', vmPriority: 'Dedicated', osType: 'Linux', scaleSettings: { minNodeCount: 0, maxNodeCount: 4, nodeIdleTimeBeforeScaleDown: 'PT120S' }, enableNodePublicIp: true, remoteLoginPortPublicAccess: 'Disabled', isolatedNetwork: false },
  });
  seedCompute(ws, {
    name: 'gpu-cluster',
    computeType: 'AmlCompute',
    typeProperties: { vmSize: 'STANDARD_NC6S_V3', vmPriority: 'LowPriority', osType: 'Linux', scaleSettings: { minNodeCount: 0, maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: 'PT600S' }, enableNodePublicIp: true, remoteLoginPortPublicAccess: 'NotSpecified', isolatedNetwork: false },
    identity: { type: 'SystemAssigned', principalId: '3a0c1e9e-8a4b-5c2d-a9f1-0b6d2e7c4f10', tenantId: DEFAULT_TENANT_ID },
  });
}

export function seedDemo(state: EmulatorState): void {
  state.addSubscription(S1, DEFAULT_TENANT_ID, 'Contoso ML Production');
  state.addSubscription(S2, DEFAULT_TENANT_ID, 'Contoso ML Research');
  // The research subscription never registered Microsoft.Network: a managed-network prerequisite fails there.
  state.setProviderState(S2, 'Microsoft.Network', 'NotRegistered');

  state.addResourceGroup(S1, 'rg-ml-prod', 'eastus', { env: 'prod' });
  state.addResourceGroup(S1, 'rg-ml-shared', 'eastus', { env: 'prod' });
  state.addResourceGroup(S1, 'rg-ai-hub', 'eastus', { env: 'prod', team: 'genai' });
  state.addResourceGroup(S1, 'rg-ml-locked', 'westeurope', { env: 'prod' });
  state.addResourceGroup(S2, 'rg-research', 'westus2', { env: 'research' });
  state.addLock(resourceGroupId(S1, 'rg-ml-locked'), 'do-not-delete', 'CanNotDelete', 'Finance: keep the audit workspace.');

  // Shared dependencies that private endpoint rules target.
  seedResource(state, S1, 'rg-ml-shared', 'Microsoft.Storage/storageAccounts', 'stcontososhared', 'eastus', { publicNetworkAccess: 'Enabled' }, { kind: 'StorageV2', sku: { name: 'Standard_GRS', tier: 'Standard' } });
  seedResource(state, S1, 'rg-ml-shared', 'Microsoft.Search/searchServices', 'srch-contoso', 'eastus', { publicNetworkAccess: 'Disabled', replicaCount: 1, partitionCount: 1 }, { sku: { name: 'standard' } });
  seedResource(state, S1, 'rg-ml-shared', 'Microsoft.CognitiveServices/accounts', 'ais-contoso', 'eastus', { publicNetworkAccess: 'Enabled', customSubDomainName: 'ais-contoso' }, { kind: 'AIServices', sku: { name: 'S0' } });
  seedResource(state, S1, 'rg-ml-shared', 'Microsoft.DataFactory/factories', 'adf-contoso', 'eastus', { publicNetworkAccess: 'Enabled' });
  seedResource(state, S1, 'rg-ml-shared', 'Microsoft.ManagedIdentity/userAssignedIdentities', 'id-ml-shared', 'eastus', {});

  // 1. Disabled, with everything a migration must recreate.
  const legacy = seedWorkspace(state, {
    subscriptionId: S1, resourceGroup: 'rg-ml-prod', name: 'ws-legacy', location: 'eastus', mode: 'Disabled',
    userAssigned: [DEMO_SHARED.userAssignedIdentity], tags: { owner: 'ml-platform', costCenter: '4711' },
    description: 'Production training and scoring (no managed network yet)',
    ...dependencies(state, S1, 'rg-ml-prod', 'legacy', 'eastus'),
  });
  clusters(legacy);
  seedCompute(legacy, {
    name: 'vnet-cluster',
    computeType: 'AmlCompute',
    description: 'Cluster in the customer VNet',
    typeProperties: {
      vmSize: 'STANDARD_D4S_V3', vmPriority: 'Dedicated', osType: 'Linux', scaleSettings: { minNodeCount: 1, maxNodeCount: 3, nodeIdleTimeBeforeScaleDown: 'PT300S' },
      subnet: { id: `/subscriptions/${S1}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/snet-training` },
      enableNodePublicIp: false, remoteLoginPortPublicAccess: 'Disabled', isolatedNetwork: false,
    },
  });
  seedCompute(legacy, {
    name: 'ci-alice',
    computeType: 'ComputeInstance',
    instanceState: 'Running',
    typeProperties: {
      vmSize: 'STANDARD_DS11_V2', applicationSharingPolicy: 'Personal', sshSettings: { sshPublicAccess: 'Disabled' }, enableNodePublicIp: true,
      personalComputeInstanceSettings: { assignedUser: { objectId: ALICE, tenantId: DEFAULT_TENANT_ID } },
      setupScripts: { scripts: { creationScript: { scriptSource: 'workspaceStorage', scriptData: 'Users/alice/setup.sh', timeout: '15m' } } },
      schedules: { computeStartStop: [{ action: 'Stop', triggerType: 'Cron', cron: { expression: '0 19 * * 1-5', timeZone: 'W. Europe Standard Time', startTime: '2024-06-01T00:00:00' }, status: 'Enabled' }] },
      idleTimeBeforeShutdown: 'PT60M',
    },
  });
  seedCompute(legacy, {
    name: 'ci-bob',
    computeType: 'ComputeInstance',
    instanceState: 'Stopped',
    typeProperties: {
      vmSize: 'STANDARD_E4DS_V4', applicationSharingPolicy: 'Personal', sshSettings: { sshPublicAccess: 'Enabled', adminPublicKey: 'ssh-rsa AAAAB3NzaC1yc2E bob@contoso' }, enableNodePublicIp: true,
      personalComputeInstanceSettings: { assignedUser: { objectId: BOB, tenantId: DEFAULT_TENANT_ID } },
      setupScripts: { scripts: { startupScript: { scriptSource: 'inline', scriptData: 'cGlwIGluc3RhbGwgLXIgcmVxdWlyZW1lbnRzLnR4dA==', scriptArguments: '' } } },
    },
  });
  seedEndpoint(legacy, 'credit-score', { authMode: 'Key', publicNetworkAccess: 'Enabled', traffic: { blue: 80, green: 20 }, description: 'Credit scoring API' }, [
    { name: 'blue', sku: { name: 'Default', capacity: 2 }, properties: { endpointComputeType: 'Managed', model: 'azureml:credit-model:3', environmentId: 'azureml:sklearn-env:7', instanceType: 'Standard_DS3_v2', scaleSettings: { scaleType: 'Default' }, appInsightsEnabled: true } },
    { name: 'green', sku: { name: 'Default', capacity: 1 }, properties: { endpointComputeType: 'Managed', model: 'azureml:credit-model:4', environmentId: 'azureml:sklearn-env:8', instanceType: 'Standard_DS3_v2', scaleSettings: { scaleType: 'Default' }, appInsightsEnabled: true } },
  ]);

  // 2. Internet outbound, provisioned; storage has public access disabled -> Required PE rules to it.
  const internet = seedWorkspace(state, {
    subscriptionId: S1, resourceGroup: 'rg-ml-prod', name: 'ws-internet', location: 'eastus', mode: 'AllowInternetOutbound', active: true,
    tags: { owner: 'data-science' }, ...dependencies(state, S1, 'rg-ml-prod', 'internet', 'eastus', { storage: 'Disabled' }),
  });
  seedRule(internet, 'pe-shared-blob', { type: 'PrivateEndpoint', destination: { serviceResourceId: DEMO_SHARED.storage, subresourceTarget: 'blob', sparkEnabled: false } });
  seedRoleAssignment(state, DEMO_SHARED.storage, internet.identity?.principalId ?? '', APPROVER_ROLE.roleDefinitionGuid);
  seedCompute(internet, {
    name: 'train-cluster',
    computeType: 'AmlCompute',
    typeProperties: { vmSize: 'STANDARD_DS3_V2', vmPriority: 'Dedicated', osType: 'Linux', scaleSettings: { minNodeCount: 0, maxNodeCount: 4, nodeIdleTimeBeforeScaleDown: 'PT120S' }, enableNodePublicIp: false },
  });

  // 3. Approved outbound, compliant: FQDN packages (firewall exists), a service tag, an approved PE to AI Search.
  const approved = seedWorkspace(state, {
    subscriptionId: S1, resourceGroup: 'rg-ml-prod', name: 'ws-approved', location: 'eastus', mode: 'AllowOnlyApprovedOutbound', active: true, sparkReady: true,
    publicNetworkAccess: 'Disabled', tags: { owner: 'ml-platform', isolation: 'strict' },
    ...dependencies(state, S1, 'rg-ml-prod', 'approved', 'eastus', { storage: 'Disabled', keyVault: 'Disabled', registry: 'Disabled' }),
  });
  approved.managedNetwork.firewallSku = 'Standard';
  seedRule(approved, 'pkg-pypi-org', { type: 'FQDN', destination: 'pypi.org' });
  seedRule(approved, 'pkg-any-pythonhosted-org', { type: 'FQDN', destination: '*.pythonhosted.org' });
  seedRule(approved, 'st-datafactory', { type: 'ServiceTag', destination: { serviceTag: 'DataFactory', protocol: 'TCP', portRanges: '443', action: 'Allow' } });
  seedRule(approved, 'pe-search', { type: 'PrivateEndpoint', destination: { serviceResourceId: DEMO_SHARED.search, subresourceTarget: 'searchService', sparkEnabled: false } });
  seedRoleAssignment(state, DEMO_SHARED.search, approved.identity?.principalId ?? '', APPROVER_ROLE.roleDefinitionGuid);

  // 4. Approved outbound, but the approver permission is missing: PE rules stay Inactive with errorInformation.
  const missing = seedWorkspace(state, {
    subscriptionId: S1, resourceGroup: 'rg-ml-prod', name: 'ws-missing-approver', location: 'eastus', mode: 'AllowOnlyApprovedOutbound', active: true,
    userAssigned: [DEMO_SHARED.userAssignedIdentity], tags: { owner: 'genai' },
    ...dependencies(state, S1, 'rg-ml-prod', 'missing', 'eastus', { registry: 'none' }),
  });
  seedRule(missing, 'pe-aiservices', { type: 'PrivateEndpoint', destination: { serviceResourceId: DEMO_SHARED.aiServices, subresourceTarget: 'account', sparkEnabled: false } });
  seedRule(missing, 'pe-datafactory', { type: 'PrivateEndpoint', destination: { serviceResourceId: DEMO_SHARED.dataFactory, subresourceTarget: 'dataFactory', sparkEnabled: false } });

  // 5./6. A hub (approved outbound) and a project under it.
  const hub = seedWorkspace(state, {
    subscriptionId: S1, resourceGroup: 'rg-ai-hub', name: 'hub-contoso', location: 'eastus', kind: 'Hub', mode: 'AllowOnlyApprovedOutbound', active: true,
    userAssigned: [DEMO_SHARED.userAssignedIdentity], tags: { team: 'genai' },
    ...dependencies(state, S1, 'rg-ai-hub', 'hub', 'eastus', { storage: 'Disabled' }),
  });
  seedRule(hub, 'pe-hub-aiservices', { type: 'PrivateEndpoint', destination: { serviceResourceId: DEMO_SHARED.aiServices, subresourceTarget: 'account', sparkEnabled: false } });
  seedRoleAssignment(state, resourceGroupId(S1, 'rg-ml-shared'), hub.identity?.principalId ?? '', APPROVER_ROLE.roleDefinitionGuid);
  seedWorkspace(state, {
    subscriptionId: S1, resourceGroup: 'rg-ai-hub', name: 'proj-chat', location: 'eastus', kind: 'Project', mode: 'AllowOnlyApprovedOutbound',
    hubResourceId: hub.id, tags: { team: 'genai', app: 'chat' },
  });

  // 7. Disabled, in a resource group with a CanNotDelete lock.
  const locked = seedWorkspace(state, {
    subscriptionId: S1, resourceGroup: 'rg-ml-locked', name: 'ws-locked', location: 'westeurope', mode: 'Disabled', tags: { owner: 'finance' },
    ...dependencies(state, S1, 'rg-ml-locked', 'locked', 'westeurope'),
  });
  seedCompute(locked, {
    name: 'audit-cluster',
    computeType: 'AmlCompute',
    location: 'westeurope',
    computeLocation: 'westeurope',
    typeProperties: { vmSize: 'STANDARD_DS2_V2', vmPriority: 'Dedicated', osType: 'Linux', scaleSettings: { minNodeCount: 0, maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: 'PT120S' } },
  });

  // 8./9. Research subscription (Microsoft.Network not registered).
  const research = seedWorkspace(state, {
    subscriptionId: S2, resourceGroup: 'rg-research', name: 'ws-research', location: 'westus2', mode: 'Disabled', tags: { owner: 'research' },
    ...dependencies(state, S2, 'rg-research', 'research', 'westus2'),
  });
  seedCompute(research, {
    name: 'research-ci',
    computeType: 'ComputeInstance',
    instanceState: 'Running',
    typeProperties: { vmSize: 'STANDARD_DS11_V2', applicationSharingPolicy: 'Personal', personalComputeInstanceSettings: { assignedUser: { objectId: ALICE, tenantId: DEFAULT_TENANT_ID } } },
  });
  seedWorkspace(state, {
    subscriptionId: S2, resourceGroup: 'rg-research', name: 'ws-research-net', location: 'westus2', mode: 'AllowInternetOutbound', active: false,
    tags: { owner: 'research' }, ...dependencies(state, S2, 'rg-research', 'researchnet', 'westus2', { registry: 'none' }),
  });
}
