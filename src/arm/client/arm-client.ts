/**
 * What orchestration activities, the CLI and the scanner may ask of Azure Resource Manager. Activities depend on
 * this interface; `createArmClient` builds the real one (Azure or the local emulator, same code path).
 *
 * Conventions: ids are full ARM ids; `get*` throws ArmError (404 -> `isNotFound`, see `notFoundAsUndefined`);
 * `begin*` sends the first request and returns a serializable LroHandle (poll it with `pollOperation`);
 * `*AndWait` blocks until the operation ends (CLI), sleeping with the injected sleep.
 */
import type {
  ComputeResource,
  ManagementLock,
  OnlineDeployment,
  OnlineEndpoint,
  OutboundRule,
  OutboundRuleResource,
  RoleAssignment,
  RoleDefinition,
  Workspace,
  WorkspaceNetworkPatch,
} from '../types';
import type { ComputeCreateBody, OnlineDeploymentCreateBody, OnlineEndpointCreateBody } from '../recreate/types';
import type { LroHandle, LroPollResult, WaitOptions } from './lro-types';
import type {
  DependencyKind,
  GenericResource,
  GenericResourceBody,
  ManagedNetworkProvisionResult,
  ResourceGraphOptions,
  ResourceGroup,
  RoleAssignmentInput,
  RoleAssignmentPutResult,
  RoleDefinitionInput,
  WorkspaceCreateBody,
} from './types';

export interface ArmClient {
  /** Origin of the ARM endpoint in use. */
  readonly endpoint: string;

  // Workspaces
  getWorkspace(workspaceId: string): Promise<Workspace>;
  listWorkspaces(subscriptionId: string): Promise<Workspace[]>;
  listWorkspacesInResourceGroup(subscriptionId: string, resourceGroup: string): Promise<Workspace[]>;
  /** PATCHes only the managed-network fields of `patch` (anything else is dropped); `ifMatch` sends If-Match (412 -> ArmError.isPreconditionFailed). */
  patchWorkspaceNetwork(workspaceId: string, patch: WorkspaceNetworkPatch, options?: { ifMatch?: string } & WaitOptions): Promise<Workspace>;
  /** PUT of a NEW workspace; refuses (409 ResourceAlreadyExists) if it exists, so it never overwrites one. */
  beginCreateWorkspace(workspaceId: string, body: WorkspaceCreateBody): Promise<LroHandle<Workspace>>;
  createWorkspaceAndWait(workspaceId: string, body: WorkspaceCreateBody, options?: WaitOptions): Promise<Workspace>;

  // Outbound rules: writes are serialized per workspace and wait for their own completion.
  listOutboundRules(workspaceId: string): Promise<OutboundRuleResource[]>;
  getOutboundRule(workspaceId: string, ruleName: string): Promise<OutboundRuleResource>;
  putOutboundRule(workspaceId: string, ruleName: string, rule: OutboundRule, options?: WaitOptions): Promise<OutboundRuleResource>;
  deleteOutboundRule(workspaceId: string, ruleName: string, options?: WaitOptions): Promise<void>;

  // Managed network
  beginProvisionManagedNetwork(workspaceId: string, options?: { includeSpark?: boolean }): Promise<LroHandle<ManagedNetworkProvisionResult>>;
  provisionManagedNetworkAndWait(workspaceId: string, options?: { includeSpark?: boolean } & WaitOptions): Promise<ManagedNetworkProvisionResult>;

  // Long-running operations
  /** ONE poll; never throws for a Failed/Canceled operation (see `error`), throws ArmError when the poll itself fails. */
  pollOperation<T>(handle: LroHandle<T>): Promise<LroPollResult<T>>;
  /** Polls until the end; throws ArmError carrying the operation's error code when it ends Failed/Canceled. */
  waitForOperation<T>(handle: LroHandle<T>, options?: WaitOptions): Promise<T | undefined>;

  // Computes (ids: {workspaceId}/computes/{name})
  getCompute(computeId: string): Promise<ComputeResource>;
  listComputes(workspaceId: string): Promise<ComputeResource[]>;
  beginCreateCompute(computeId: string, body: ComputeCreateBody): Promise<LroHandle<ComputeResource>>;
  createComputeAndWait(computeId: string, body: ComputeCreateBody, options?: WaitOptions): Promise<ComputeResource>;
  /** DELETE with underlyingResourceAction=Delete (the VMs go too). */
  beginDeleteCompute(computeId: string): Promise<LroHandle<unknown>>;
  deleteComputeAndWait(computeId: string, options?: WaitOptions): Promise<void>;
  beginStartCompute(computeId: string): Promise<LroHandle<unknown>>;
  beginStopCompute(computeId: string): Promise<LroHandle<unknown>>;

  // Online endpoints and deployments (ids: {workspaceId}/onlineEndpoints/{ep}[/deployments/{dep}])
  getOnlineEndpoint(endpointId: string): Promise<OnlineEndpoint>;
  listOnlineEndpoints(workspaceId: string): Promise<OnlineEndpoint[]>;
  /** PUT; also how traffic is (re)applied after deployments exist (the service's PATCH does not take traffic). */
  beginCreateOnlineEndpoint(endpointId: string, body: OnlineEndpointCreateBody): Promise<LroHandle<OnlineEndpoint>>;
  beginDeleteOnlineEndpoint(endpointId: string): Promise<LroHandle<unknown>>;
  getOnlineDeployment(deploymentId: string): Promise<OnlineDeployment>;
  listOnlineDeployments(endpointId: string): Promise<OnlineDeployment[]>;
  beginCreateOnlineDeployment(deploymentId: string, body: OnlineDeploymentCreateBody): Promise<LroHandle<OnlineDeployment>>;
  beginDeleteOnlineDeployment(deploymentId: string): Promise<LroHandle<unknown>>;

  // Role-based access control
  /** PUT under a deterministic name; 409 RoleAssignmentExists counts as done ({created: false, alreadyExisted: true}). */
  putRoleAssignment(input: RoleAssignmentInput): Promise<RoleAssignmentPutResult>;
  getRoleAssignment(scope: string, name: string): Promise<RoleAssignment>;
  /** Assignments at (and, as ARM answers, around) `scope`; `principalId` filters server- and client-side. */
  listRoleAssignments(scope: string, options?: { principalId?: string }): Promise<RoleAssignment[]>;
  /** Custom role under a deterministic name (scope + roleName): re-running updates the same definition. */
  putRoleDefinition(input: RoleDefinitionInput): Promise<RoleDefinition>;
  getRoleDefinition(scope: string, roleDefinitionId: string): Promise<RoleDefinition>;

  // Resource Graph
  /** Every row across all subscriptions (batched, paged with $top/$skipToken). */
  queryResourceGraph<T = Record<string, unknown>>(query: string, subscriptions: readonly string[], options?: ResourceGraphOptions): Promise<T[]>;

  // Prerequisites
  /** e.g. "Registered", "NotRegistered", "Registering". */
  getProviderRegistrationState(subscriptionId: string, providerNamespace?: string): Promise<string>;
  /** Locks listed at a resource group or resource scope. */
  listLocks(scopeId: string): Promise<ManagementLock[]>;

  // Dependencies and resource groups
  /** Any resource by id; the api-version is known for the product's types, otherwise pass one. */
  getResource(resourceId: string, apiVersion?: string): Promise<GenericResource>;
  getDependency(kind: DependencyKind, resourceId: string): Promise<GenericResource>;
  /** PUT a dependency resource and wait for it (storage answers 202). */
  putDependency(kind: DependencyKind, resourceId: string, body: GenericResourceBody, options?: WaitOptions): Promise<GenericResource>;
  createResourceGroup(subscriptionId: string, name: string, body: { location: string; tags?: Record<string, string> }): Promise<ResourceGroup>;
  getResourceGroup(subscriptionId: string, name: string): Promise<ResourceGroup>;
}
