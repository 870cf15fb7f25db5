/**
 * Creating a workspace: the creation plan (pure, recorded once), dependency resources (given, or created with
 * safe defaults), and the workspace PUT itself with the policy's managed network set at creation.
 */
import { createHash } from 'node:crypto';
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined } from '../../arm/client/errors';
import type { LroHandle } from '../../arm/client/lro-types';
import { DEPENDENCY_TYPES } from '../../arm/client/dependency-api-versions';
import type { DependencyKind, GenericResourceBody, WorkspaceCreateBody } from '../../arm/client/types';
import { workspaceId as buildWorkspaceId } from '../../arm/resource-id';
import type { OutboundRule, Workspace } from '../../arm/types';
import { FIREWALL_SKUS } from '../../catalog/outbound-rules';
import { PROJECT_KIND } from '../../catalog/prerequisites';
import { toArmRule } from '../../planner/arm-rule';
import { desiredRules } from '../../planner/desired-rules';
import { desiredIsolationMode, isManaged } from '../../planner/workspace-facts';
import type { CreateWorkspaceInput } from '../contracts';
import { getActivityDependencies, logWrite } from './dependencies';

export interface DependencyPlan {
  kind: DependencyKind;
  resourceId: string;
  /** Given in the request (must exist), or created here with `body`. */
  given: boolean;
  body?: GenericResourceBody;
}

export interface WorkspaceCreationPlan {
  workspaceId: string;
  body: WorkspaceCreateBody;
  dependencies: DependencyPlan[];
  /** The service provisions the network as part of the creation. */
  provisionNetworkNow: boolean;
  /** Provisioning the orchestrator must start itself after the roles (Spark, or approver roles needed first). */
  provisionAfterRoles: boolean;
  /** Rules that cannot be set at creation (a private endpoint to the workspace itself): added one by one after. */
  deferredRules: { name: string; rule: OutboundRule }[];
  warnings: string[];
}

export interface PlanWorkspaceCreationInput {
  request: CreateWorkspaceInput;
}

function shortHash(text: string, length: number): string {
  return createHash('sha256').update(text.toLowerCase()).digest('hex').slice(0, length);
}

function dependencyId(input: CreateWorkspaceInput, kind: DependencyKind, name: string): string {
  return `/subscriptions/${input.subscriptionId}/resourceGroups/${input.resourceGroup}/providers/${DEPENDENCY_TYPES[kind].type}/${name}`;
}

/** Safe defaults: no public blob access, TLS 1.2, RBAC key vault with purge protection; public access off when the mode needs it. */
function defaultBody(kind: DependencyKind, input: CreateWorkspaceInput, publicAccess: 'Enabled' | 'Disabled'): GenericResourceBody {
  const tags = { ...(input.tags ?? {}), 'mnet-autopilot': 'workspace-dependency' };
  switch (kind) {
    case 'storageAccount':
      return {
        location: input.location,
        kind: 'StorageV2',
        sku: { name: 'Standard_LRS' },
        tags,
        properties: {
          publicNetworkAccess: publicAccess,
          allowBlobPublicAccess: false,
          minimumTlsVersion: 'TLS1_2',
          supportsHttpsTrafficOnly: true,
          networkAcls: { bypass: 'AzureServices', defaultAction: publicAccess === 'Disabled' ? 'Deny' : 'Allow' },
        },
      };
    case 'keyVault': {
      const properties: Record<string, unknown> = {
        sku: { family: 'A', name: 'standard' },
        enableRbacAuthorization: true,
        enableSoftDelete: true,
        enablePurgeProtection: true,
        publicNetworkAccess: publicAccess,
        networkAcls: { bypass: 'AzureServices', defaultAction: publicAccess === 'Disabled' ? 'Deny' : 'Allow' },
      };
      if (input.tenantId !== undefined) properties['tenantId'] = input.tenantId;
      return { location: input.location, tags, properties };
    }
    case 'applicationInsights':
      return { location: input.location, kind: 'web', tags, properties: { Application_Type: 'web' } };
    case 'containerRegistry':
      // Private endpoints to a registry need Premium.
      return { location: input.location, sku: { name: 'Premium' }, tags, properties: { publicNetworkAccess: publicAccess, adminUserEnabled: false } };
  }
}

export async function planWorkspaceCreation(input: PlanWorkspaceCreationInput, _context?: InvocationContext): Promise<WorkspaceCreationPlan> {
  const req = input.request;
  const policy = req.policy;
  const workspaceId = buildWorkspaceId(req.subscriptionId, req.resourceGroup, req.name);
  const isProject = req.kind.toLowerCase() === PROJECT_KIND.toLowerCase();
  const mode = desiredIsolationMode(policy);
  const managed = isManaged(mode);
  const warnings: string[] = [];

  const dependencies: DependencyPlan[] = [];
  if (!isProject) {
    const given = req.dependencies ?? {};
    const publicAccess = managed ? 'Disabled' : 'Enabled';
    const defaults: Record<DependencyKind, string> = {
      storageAccount: `st${shortHash(workspaceId, 22)}`,
      keyVault: `kv-${shortHash(workspaceId, 20)}`,
      applicationInsights: `appi-${req.name}`,
      containerRegistry: `cr${shortHash(workspaceId, 22)}`,
    };
    // The registry is created by the service on first use when none is given.
    for (const kind of ['storageAccount', 'keyVault', 'applicationInsights', 'containerRegistry'] as const) {
      const id = given[kind];
      if (id !== undefined) dependencies.push({ kind, resourceId: id, given: true });
      else if (kind !== 'containerRegistry') dependencies.push({ kind, resourceId: dependencyId(req, kind, defaults[kind]), given: false, body: defaultBody(kind, req, publicAccess) });
    }
  }

  const properties: WorkspaceCreateBody['properties'] = { friendlyName: req.name };
  for (const d of dependencies) properties[d.kind] = d.resourceId;
  if (isProject) {
    if (req.hubId === undefined) throw new Error('[HubRequired] a Project is created under an existing hub: hubId is required');
    properties.hubResourceId = req.hubId;
  }
  if (policy.public_network_access !== undefined) properties.publicNetworkAccess = policy.public_network_access === 'disabled' ? 'Disabled' : 'Enabled';

  const deferredRules: { name: string; rule: OutboundRule }[] = [];
  let provisionNetworkNow = false;
  let provisionAfterRoles = false;
  // A project uses its hub's managed network: it gets none of its own.
  if (!isProject && managed) {
    const synthetic: Workspace = { id: workspaceId, name: req.name, location: req.location, kind: req.kind, properties: { ...properties } };
    const outboundRules: Record<string, OutboundRule> = {};
    let needsApproverRoles = false;
    const defaultsSet = new Set(dependencies.map((d) => d.resourceId.toLowerCase()));
    for (const rule of desiredRules(policy, synthetic)) {
      const arm = toArmRule(rule);
      if (arm.type === 'PrivateEndpoint' && arm.destination.serviceResourceId.toLowerCase() === workspaceId.toLowerCase()) {
        deferredRules.push({ name: rule.name, rule: arm });
        continue;
      }
      if (arm.type === 'PrivateEndpoint' && !defaultsSet.has(arm.destination.serviceResourceId.toLowerCase())) needsApproverRoles = true;
      outboundRules[rule.name] = arm;
    }
    properties.managedNetwork = { isolationMode: mode, outboundRules };
    if (policy.managed_network.firewall_sku !== undefined) properties.managedNetwork.firewallSku = FIREWALL_SKUS[policy.managed_network.firewall_sku];
    if (policy.provisioning.provision_now) {
      // Spark is only provisioned through the explicit action; private endpoints needing approval wait for the roles.
      provisionNetworkNow = !policy.provisioning.include_spark && !needsApproverRoles && deferredRules.length === 0;
      provisionAfterRoles = !provisionNetworkNow;
    }
    if (needsApproverRoles) warnings.push('private endpoint targets need approver roles: provisioning starts after they are assigned');
    if (provisionNetworkNow) properties.provisionNetworkNow = true;
  }

  const body: WorkspaceCreateBody = { location: req.location, kind: req.kind, identity: { type: 'SystemAssigned' }, properties };
  if (req.tags !== undefined) body.tags = req.tags;
  return { workspaceId, body, dependencies, provisionNetworkNow, provisionAfterRoles, deferredRules, warnings };
}

export interface EnsureDependencyResourceInput {
  dependency: DependencyPlan;
}

export async function ensureDependencyResource(input: EnsureDependencyResourceInput, _context?: InvocationContext): Promise<{ resourceId: string; created: boolean }> {
  const { arm } = getActivityDependencies();
  const d = input.dependency;
  const existing = await notFoundAsUndefined(arm.getDependency(d.kind, d.resourceId));
  if (existing !== undefined) return { resourceId: d.resourceId, created: false };
  if (d.given || d.body === undefined) throw new Error(`[DependencyNotFound] the ${d.kind} given in the request does not exist: ${d.resourceId}`);
  await arm.putDependency(d.kind, d.resourceId, d.body);
  logWrite(`${d.kind} created`, { resourceId: d.resourceId });
  return { resourceId: d.resourceId, created: true };
}

/** Tag marking the creation request a workspace came from: a retry recognises its own workspace by it. */
export const CREATION_TAG = 'mnet-autopilot-request';

export interface StartCreateWorkspaceInput {
  workspaceId: string;
  body: WorkspaceCreateBody;
  /** The creating orchestration's instance id, written as the CREATION_TAG value. */
  requestId: string;
}

export type StartCreateWorkspaceOutput =
  | { state: 'started'; handle: LroHandle; resourceId: string }
  | { state: 'exists'; ours: boolean; resourceId: string; provisioningState?: string };

/**
 * Never overwrites: an existing workspace is reported, not replaced. `ours` tells a retry of this very request
 * (tagged with its id) from someone else's workspace of the same name.
 */
export async function startCreateWorkspace(input: StartCreateWorkspaceInput, _context?: InvocationContext): Promise<StartCreateWorkspaceOutput> {
  const { arm } = getActivityDependencies();
  const id = input.workspaceId;
  const existing = await notFoundAsUndefined(arm.getWorkspace(id));
  if (existing !== undefined) {
    const ours = existing.tags?.[CREATION_TAG] === input.requestId;
    const state = existing.properties.provisioningState;
    return state === undefined ? { state: 'exists', ours, resourceId: id } : { state: 'exists', ours, resourceId: id, provisioningState: state };
  }
  const body: WorkspaceCreateBody = { ...input.body, tags: { ...(input.body.tags ?? {}), [CREATION_TAG]: input.requestId } };
  const handle = await arm.beginCreateWorkspace(id, body);
  logWrite('workspace creation started', { workspaceId: id });
  return { state: 'started', handle, resourceId: id };
}
