/** Client-specific shapes (the ARM resource shapes themselves live in src/arm/types.ts). */
import type { ManagedServiceIdentity, ManagedNetworkStatus, WorkspaceKind, WorkspaceProperties } from '../types';

/** PUT body for a NEW workspace. */
export interface WorkspaceCreateBody {
  location: string;
  kind?: WorkspaceKind;
  tags?: Record<string, string>;
  identity?: ManagedServiceIdentity;
  sku?: { name?: string; tier?: string };
  properties: WorkspaceProperties;
}

/** Final body of provisionManagedNetwork: `{status: "Active", sparkReady}`. */
export type ManagedNetworkProvisionResult = ManagedNetworkStatus;

export interface GenericResource {
  id?: string;
  name?: string;
  type?: string;
  location?: string;
  kind?: string;
  tags?: Record<string, string>;
  sku?: Record<string, unknown>;
  identity?: ManagedServiceIdentity;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

/** PUT body of a dependency resource (storage account, key vault, registry, app insights). */
export interface GenericResourceBody {
  location: string;
  kind?: string;
  tags?: Record<string, string>;
  sku?: Record<string, unknown>;
  identity?: ManagedServiceIdentity;
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ResourceGroup {
  id: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
  properties?: { provisioningState?: string };
  [key: string]: unknown;
}

export interface RoleAssignmentInput {
  scope: string;
  principalId: string;
  /** A role GUID or a full roleDefinitions id. */
  roleDefinitionId: string;
  principalType?: 'ServicePrincipal' | 'User' | 'Group';
  description?: string;
  condition?: string;
  conditionVersion?: string;
}

export interface RoleAssignmentPutResult {
  /** True when this call created the assignment. */
  created: boolean;
  /** True when an equivalent assignment was already there (same name, or 409 RoleAssignmentExists). */
  alreadyExisted: boolean;
  /** The deterministic name the client used. */
  name: string;
  id: string;
}

export interface RoleDefinitionInput {
  /** Where the definition lives (usually the subscription); its name is derived from scope + roleName. */
  scope: string;
  roleName: string;
  description?: string;
  actions: string[];
  notActions?: string[];
  /** Defaults to [scope]. */
  assignableScopes?: string[];
}

export interface ResourceGraphOptions {
  /** Rows per page ($top), at most 1000. */
  pageSize?: number;
  /** Subscriptions per request; larger lists are split into batches. */
  subscriptionsPerRequest?: number;
}

export type DependencyKind = 'storageAccount' | 'keyVault' | 'containerRegistry' | 'applicationInsights';
