/** What the emulator stores. ARM views are built from these on every read (see views/). */
import type {
  FirewallSku,
  IsolationMode,
  ManagedServiceIdentity,
  OutboundRule,
  RolePermission,
} from '../../arm/types';

export interface SubscriptionRecord {
  subscriptionId: string;
  tenantId: string;
  displayName: string;
  /** Resource provider namespace (lower case) -> registration state; absent means Registered. */
  providers: Map<string, string>;
}

export interface ResourceGroupRecord {
  id: string;
  name: string;
  subscriptionId: string;
  location: string;
  tags: Record<string, string>;
}

export interface UserRuleRecord {
  name: string;
  /** As written by the client, normalised; category/status/errorInformation are computed on read. */
  rule: OutboundRule;
  /** An outbound-rule LRO is running on it. */
  pending?: 'Provisioning' | 'Deleting';
  failed?: boolean;
}

export interface ManagedNetworkRecord {
  isolationMode: IsolationMode;
  firewallSku?: FirewallSku;
  status: 'Inactive' | 'Active';
  sparkReady: boolean;
  /** The Azure Firewall exists (created by a provisioning that ran while FQDN rules existed). */
  firewallProvisioned: boolean;
  networkId: string;
}

export interface ComputeRecord {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  identity?: ManagedServiceIdentity;
  sku?: Record<string, unknown>;
  computeType: string;
  computeLocation: string;
  description?: string;
  disableLocalAuth?: boolean;
  /** properties.properties as written (read-only fields excluded). */
  typeProperties: Record<string, unknown>;
  provisioningState: string;
  /** ComputeInstance state: Creating, Running, Stopping, Stopped, Starting, Deleting, ... */
  instanceState?: string;
  provisioningErrors: unknown[];
  createdOn: number;
  modifiedOn: number;
}

export interface DeploymentRecord {
  id: string;
  name: string;
  location: string;
  kind?: string;
  tags: Record<string, string>;
  sku?: Record<string, unknown>;
  properties: Record<string, unknown>;
  provisioningState: string;
}

export interface EndpointRecord {
  id: string;
  name: string;
  location: string;
  kind?: string;
  tags: Record<string, string>;
  identity?: ManagedServiceIdentity;
  properties: Record<string, unknown>;
  provisioningState: string;
  deployments: Map<string, DeploymentRecord>;
}

export interface WorkspaceRecord {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  kind: string;
  tags: Record<string, string>;
  identity?: ManagedServiceIdentity;
  sku: { name: string; tier: string };
  /** Client-settable properties except managedNetwork (kept as written). */
  properties: Record<string, unknown>;
  managedNetwork: ManagedNetworkRecord;
  userRules: Map<string, UserRuleRecord>;
  computes: Map<string, ComputeRecord>;
  endpoints: Map<string, EndpointRecord>;
  provisioningState: string;
  etag: string;
  workspaceGuid: string;
  createdAt: number;
  modifiedAt: number;
}

export interface GenericResourceRecord {
  id: string;
  name: string;
  /** Full type, e.g. Microsoft.Storage/storageAccounts. */
  type: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  kind?: string;
  sku?: unknown;
  tags: Record<string, string>;
  identity?: unknown;
  properties: Record<string, unknown>;
  etag: string;
}

export interface RoleAssignmentRecord {
  id: string;
  name: string;
  scope: string;
  roleDefinitionId: string;
  principalId: string;
  principalType: string;
  description?: string;
  condition?: string;
  conditionVersion?: string;
  createdOn: number;
  updatedOn: number;
}

export interface RoleDefinitionRecord {
  /** GUID name. */
  name: string;
  /** Scope it was created at ('' for built-in roles). */
  scope: string;
  roleName: string;
  description: string;
  type: 'BuiltInRole' | 'CustomRole';
  permissions: RolePermission[];
  assignableScopes: string[];
  createdOn: number;
  updatedOn: number;
}

export interface LockRecord {
  id: string;
  name: string;
  scope: string;
  level: 'CanNotDelete' | 'ReadOnly';
  notes?: string;
}
