/**
 * Builds workspaces, computes and online endpoints in an emulator through the real ARM client (the same HTTP
 * path as production), for scenarios the seeded ones do not cover.
 */
import type { ArmClient } from '../../src/arm/client';
import { workspaceId } from '../../src/arm/resource-id';
import type { ComputeResource, IsolationMode, OnlineDeployment, OnlineEndpoint, Workspace } from '../../src/arm/types';
import type { ComputeCreateBody } from '../../src/arm/recreate';

export const TENANT = '00000000-0000-0000-0000-0000000000aa';

export interface WorkspaceFixture {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  location?: string;
  mode?: IsolationMode;
  publicNetworkAccess?: 'Enabled' | 'Disabled';
  /** User-assigned identity resource ids (besides the system-assigned identity). */
  userAssigned?: string[];
}

function dep(sub: string, rg: string, type: string, name: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`;
}

/** Resource group, default dependencies and the workspace itself. */
export async function createWorkspaceFixture(arm: ArmClient, f: WorkspaceFixture): Promise<Workspace> {
  const location = f.location ?? 'eastus';
  const sub = f.subscriptionId;
  const rg = f.resourceGroup;
  await arm.createResourceGroup(sub, rg, { location });
  const compact = f.name.replace(/[^a-z0-9]/g, '');
  const storageAccount = dep(sub, rg, 'Microsoft.Storage/storageAccounts', `st${compact}`.slice(0, 24));
  const keyVault = dep(sub, rg, 'Microsoft.KeyVault/vaults', `kv-${f.name}`.slice(0, 24));
  const applicationInsights = dep(sub, rg, 'Microsoft.Insights/components', `appi-${f.name}`);
  await arm.putDependency('storageAccount', storageAccount, { location, kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: { publicNetworkAccess: 'Enabled' } });
  await arm.putDependency('keyVault', keyVault, { location, properties: { tenantId: TENANT, sku: { family: 'A', name: 'standard' }, enableRbacAuthorization: true } });
  await arm.putDependency('applicationInsights', applicationInsights, { location, kind: 'web', properties: { Application_Type: 'web' } });
  const id = workspaceId(sub, rg, f.name);
  const identity =
    (f.userAssigned?.length ?? 0) > 0
      ? { type: 'SystemAssigned,UserAssigned', userAssignedIdentities: Object.fromEntries((f.userAssigned ?? []).map((u) => [u, {}])) }
      : { type: 'SystemAssigned' };
  const properties: Workspace['properties'] = { friendlyName: f.name, storageAccount, keyVault, applicationInsights, publicNetworkAccess: f.publicNetworkAccess ?? 'Enabled' };
  if (f.mode !== undefined && f.mode !== 'Disabled') properties.managedNetwork = { isolationMode: f.mode };
  return arm.createWorkspaceAndWait(id, { location, kind: 'Default', identity, properties });
}

export interface ComputeSet {
  clusters: number;
  instances: number;
  endpoints: number;
  deploymentsPerEndpoint: number;
  /** Customer subnet on the clusters (dropped when recreated inside the managed network). */
  subnetId?: string;
}

export function clusterBody(i: number, location: string, subnetId?: string): ComputeCreateBody {
  const props: Record<string, unknown> = {
    vmSize: i % 2 === 0 ? 'STANDARD_DS3_V2' : 'STANDARD_NC6S_V3',
    vmPriority: i % 2 === 0 ? 'Dedicated' : 'LowPriority',
    osType: 'Linux',
    scaleSettings: { minNodeCount: 0, maxNodeCount: 2 + i, nodeIdleTimeBeforeScaleDown: 'PT120S' },
    enableNodePublicIp: false,
    remoteLoginPortPublicAccess: 'Disabled',
  };
  if (subnetId !== undefined) props['subnet'] = { id: subnetId };
  return { location, tags: { team: `t${i}` }, properties: { computeType: 'AmlCompute', description: `cluster ${i}`, properties: props } };
}

export function instanceBody(i: number, location: string): ComputeCreateBody {
  return {
    location,
    properties: {
      computeType: 'ComputeInstance',
      description: `instance ${i}`,
      properties: {
        vmSize: 'STANDARD_DS11_V2',
        applicationSharingPolicy: 'Personal',
        personalComputeInstanceSettings: { assignedUser: { objectId: `0000000${i}-1111-4111-8111-111111111111`, tenantId: TENANT } },
        setupScripts: { scripts: { creationScript: { scriptSource: 'inline', scriptData: Buffer.from(`echo setup ${i}`).toString('base64') } } },
        schedules: {
          computeStartStop: [{ action: 'Stop', triggerType: 'Cron', cron: { expression: `0 ${18 + i} * * *`, timeZone: 'UTC', startTime: '2024-01-01T00:00:00' }, status: 'Enabled' }],
        },
        enableNodePublicIp: false,
      },
    },
  };
}

export interface BuiltComputes {
  computes: ComputeResource[];
  endpoints: { endpoint: OnlineEndpoint; deployments: OnlineDeployment[] }[];
}

/** Clusters, instances and online endpoints (with deployments and a traffic split), created and waited for. */
export async function createComputeSet(arm: ArmClient, ws: Workspace, set: ComputeSet): Promise<BuiltComputes> {
  const location = ws.location;
  for (let i = 0; i < set.clusters; i += 1) await arm.createComputeAndWait(`${ws.id}/computes/cluster-${i}`, clusterBody(i, location, set.subnetId));
  for (let i = 0; i < set.instances; i += 1) await arm.createComputeAndWait(`${ws.id}/computes/ci-user-${i}`, instanceBody(i, location));
  for (let e = 0; e < set.endpoints; e += 1) {
    const endpointId = `${ws.id}/onlineEndpoints/ep-${e}`;
    const body = { location, identity: { type: 'SystemAssigned' }, tags: { app: `ep${e}` }, properties: { authMode: e % 2 === 0 ? 'Key' : 'AMLToken', description: `endpoint ${e}` } };
    await arm.waitForOperation(await arm.beginCreateOnlineEndpoint(endpointId, body));
    const traffic: Record<string, number> = {};
    for (let d = 0; d < set.deploymentsPerEndpoint; d += 1) {
      const name = d === 0 ? 'blue' : d === 1 ? 'green' : `dep${d}`;
      await arm.waitForOperation(
        await arm.beginCreateOnlineDeployment(`${endpointId}/deployments/${name}`, {
          location,
          sku: { name: 'Default', capacity: d + 1 },
          properties: { endpointComputeType: 'Managed', model: `azureml:model-${e}:${d + 1}`, instanceType: 'Standard_DS3_v2', scaleSettings: { scaleType: 'Default' } },
        }),
      );
      traffic[name] = 0;
    }
    const names = Object.keys(traffic);
    names.forEach((n, i) => (traffic[n] = i === 0 ? 100 - 30 * (names.length - 1) : 30));
    await arm.waitForOperation(await arm.beginCreateOnlineEndpoint(endpointId, { ...body, properties: { ...body.properties, traffic } }));
  }
  const computes = await arm.listComputes(ws.id);
  const endpoints = [];
  for (const endpoint of await arm.listOnlineEndpoints(ws.id)) endpoints.push({ endpoint, deployments: await arm.listOnlineDeployments(`${ws.id}/onlineEndpoints/${endpoint.name}`) });
  return { computes, endpoints };
}
