/**
 * Shapes of the Azure Resource Manager resources the product reads and writes, as in
 * shared/reference/arm-contract.md (Microsoft.MachineLearningServices 2025-09-01,
 * Microsoft.Authorization 2022-04-01, Microsoft.ResourceGraph 2022-10-01).
 * Unknown properties are kept (index signatures) so that nothing read is ever lost.
 */

export type IsolationMode = 'Disabled' | 'AllowInternetOutbound' | 'AllowOnlyApprovedOutbound';
export type RuleCategory = 'Required' | 'Recommended' | 'UserDefined' | 'Dependency';
export type RuleStatus = 'Inactive' | 'Active' | 'Provisioning' | 'Deleting' | 'Failed';
export type FirewallSku = 'Standard' | 'Basic';
export type PublicNetworkAccess = 'Enabled' | 'Disabled';

export interface PrivateEndpointDestination {
  serviceResourceId: string;
  subresourceTarget: string;
  sparkEnabled?: boolean;
  sparkStatus?: string;
}

export interface ServiceTagDestination {
  serviceTag: string;
  protocol: string;
  portRanges: string;
  action?: 'Allow' | 'Deny';
  addressPrefixes?: string[];
}

export interface RuleErrorInformation {
  code?: string;
  message?: string;
  [key: string]: unknown;
}

interface OutboundRuleBase {
  category?: RuleCategory;
  status?: RuleStatus;
  errorInformation?: RuleErrorInformation | null;
  [key: string]: unknown;
}

export interface FqdnOutboundRule extends OutboundRuleBase {
  type: 'FQDN';
  destination: string;
}
export interface PrivateEndpointOutboundRule extends OutboundRuleBase {
  type: 'PrivateEndpoint';
  destination: PrivateEndpointDestination;
}
export interface ServiceTagOutboundRule extends OutboundRuleBase {
  type: 'ServiceTag';
  destination: ServiceTagDestination;
}
export type OutboundRule = FqdnOutboundRule | PrivateEndpointOutboundRule | ServiceTagOutboundRule;

/** The outbound-rule sub-resource as returned by GET {ws}/outboundRules/{rule}. */
export interface OutboundRuleResource {
  id?: string;
  name: string;
  type?: string;
  properties: OutboundRule;
}

export interface ManagedNetworkStatus {
  status?: 'Inactive' | 'Active';
  sparkReady?: boolean;
  [key: string]: unknown;
}

export interface ManagedNetworkSettings {
  isolationMode?: IsolationMode;
  networkId?: string;
  outboundRules?: Record<string, OutboundRule>;
  status?: ManagedNetworkStatus;
  firewallSku?: FirewallSku;
  changeableIsolationModes?: IsolationMode[];
  [key: string]: unknown;
}

export interface UserAssignedIdentityInfo {
  principalId?: string;
  clientId?: string;
}

export interface ManagedServiceIdentity {
  type: string; // SystemAssigned | UserAssigned | "SystemAssigned,UserAssigned" | None
  principalId?: string;
  tenantId?: string;
  userAssignedIdentities?: Record<string, UserAssignedIdentityInfo>;
}

export interface WorkspaceProperties {
  managedNetwork?: ManagedNetworkSettings;
  publicNetworkAccess?: PublicNetworkAccess;
  provisionNetworkNow?: boolean;
  imageBuildCompute?: string;
  provisioningState?: string;
  storageAccount?: string;
  keyVault?: string;
  containerRegistry?: string;
  applicationInsights?: string;
  hubResourceId?: string;
  friendlyName?: string;
  description?: string;
  [key: string]: unknown;
}

export type WorkspaceKind = 'Default' | 'Hub' | 'Project' | 'FeatureStore' | (string & {});

export interface Workspace {
  id: string;
  name: string;
  type?: string;
  location: string;
  kind?: WorkspaceKind;
  tags?: Record<string, string>;
  identity?: ManagedServiceIdentity;
  sku?: { name?: string; tier?: string };
  etag?: string;
  properties: WorkspaceProperties;
  [key: string]: unknown;
}

/** The only workspace properties the product ever PATCHes. */
export interface WorkspaceNetworkPatch {
  properties: {
    managedNetwork?: {
      isolationMode?: IsolationMode;
      firewallSku?: FirewallSku;
    };
    publicNetworkAccess?: PublicNetworkAccess;
    imageBuildCompute?: string;
  };
}

export type ComputeType =
  | 'AmlCompute'
  | 'ComputeInstance'
  | 'Kubernetes'
  | 'VirtualMachine'
  | 'AKS'
  | 'Databricks'
  | 'HDInsight'
  | 'DataFactory'
  | 'DataLakeAnalytics'
  | 'SynapseSpark'
  | (string & {});

export interface ComputeProperties {
  computeType: ComputeType;
  computeLocation?: string;
  provisioningState?: string;
  description?: string;
  resourceId?: string;
  disableLocalAuth?: boolean;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ComputeResource {
  id?: string;
  name: string;
  type?: string;
  location?: string;
  tags?: Record<string, string>;
  identity?: ManagedServiceIdentity;
  sku?: Record<string, unknown>;
  properties: ComputeProperties;
  [key: string]: unknown;
}

export interface OnlineEndpoint {
  id?: string;
  name: string;
  type?: string;
  location: string;
  kind?: string;
  tags?: Record<string, string>;
  identity?: ManagedServiceIdentity;
  properties: {
    authMode: string;
    traffic?: Record<string, number>;
    mirrorTraffic?: Record<string, number>;
    publicNetworkAccess?: PublicNetworkAccess;
    provisioningState?: string;
    scoringUri?: string;
    swaggerUri?: string;
    description?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface OnlineDeployment {
  id?: string;
  name: string;
  type?: string;
  location: string;
  kind?: string;
  tags?: Record<string, string>;
  sku?: Record<string, unknown>;
  properties: {
    endpointComputeType?: string;
    model?: string;
    environmentId?: string;
    instanceType?: string;
    scaleSettings?: Record<string, unknown>;
    provisioningState?: string;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface RoleAssignment {
  id?: string;
  name: string;
  type?: string;
  properties: {
    roleDefinitionId: string;
    principalId: string;
    principalType?: 'ServicePrincipal' | 'User' | 'Group' | string;
    scope?: string;
    description?: string;
    condition?: string;
    conditionVersion?: string;
    [key: string]: unknown;
  };
}

export interface RolePermission {
  actions: string[];
  notActions?: string[];
  dataActions?: string[];
  notDataActions?: string[];
}

export interface RoleDefinition {
  id?: string;
  name: string;
  type?: string;
  properties: {
    roleName: string;
    description?: string;
    type?: 'CustomRole' | 'BuiltInRole' | string;
    permissions: RolePermission[];
    assignableScopes: string[];
    [key: string]: unknown;
  };
}

export interface ArmErrorBody {
  error: {
    code: string;
    message: string;
    target?: string;
    details?: unknown[];
    additionalInfo?: unknown[];
  };
}

export type LroStatus = 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';

export interface LroPollBody {
  id?: string;
  name?: string;
  status: LroStatus;
  error?: { code: string; message: string };
  [key: string]: unknown;
}

export interface ResourceGraphRequest {
  subscriptions: string[];
  query: string;
  options?: { $top?: number; $skipToken?: string; resultFormat?: 'objectArray' | 'table' };
}

export interface ResourceGraphResponse<T = Record<string, unknown>> {
  totalRecords: number;
  count: number;
  resultTruncated: 'true' | 'false' | boolean;
  $skipToken?: string;
  data: T[];
}

export interface ManagementLock {
  id: string;
  name: string;
  properties: { level: 'CanNotDelete' | 'ReadOnly'; notes?: string };
}

/** Event Grid resource event, as delivered to the Event Grid trigger (schema: Event Grid). */
export interface ResourceEventData {
  tenantId?: string;
  subscriptionId?: string;
  resourceGroup?: string;
  resourceProvider?: string;
  resourceUri?: string;
  operationName?: string;
  status?: string;
  correlationId?: string;
  [key: string]: unknown;
}
