/** Read-only views of a workspace the planning stages share. Pure. */
import type { IsolationMode, OutboundRule, Workspace } from '../arm/types';
import { ISOLATION_MODES } from '../catalog/isolation-modes';
import { workspaceDefaultResourceIds } from '../catalog/required-rules';
import type { Policy } from '../policy/types';
import { parseIdCached } from './resource-ids';
import type { WorkspaceState } from './types';

/** A workspace without managedNetwork (or without isolationMode) has no managed network. */
export function actualIsolationMode(workspace: Workspace): IsolationMode {
  return workspace.properties.managedNetwork?.isolationMode ?? 'Disabled';
}

export function desiredIsolationMode(policy: Policy): IsolationMode {
  return ISOLATION_MODES[policy.managed_network.isolation_mode];
}

export function isManaged(mode: IsolationMode): boolean {
  return mode !== 'Disabled';
}

/** The rules as read: separately listed rules win over the inline copy. */
export function actualRules(state: WorkspaceState): Record<string, OutboundRule> {
  return state.outboundRules ?? state.workspace.properties.managedNetwork?.outboundRules ?? {};
}

export function workspaceKind(workspace: Workspace): string {
  return workspace.kind ?? 'Default';
}

/** Region names compare without case and spaces ("East US" = "eastus"). */
export function normalizeRegion(region: string | undefined): string | undefined {
  return region?.replace(/\s+/g, '').toLowerCase();
}

/** The workspace itself and its default resources (lower-cased): creation already let its identity approve on them. */
export function defaultResourceIds(workspace: Workspace): Set<string> {
  return new Set(workspaceDefaultResourceIds(workspace.id, workspace.properties).map((id) => id.toLowerCase()));
}

/** Principal ids of the workspace identity (system-assigned first, then user-assigned). */
export function identityPrincipalIds(workspace: Workspace): string[] {
  const identity = workspace.identity;
  if (identity === undefined) return [];
  const ids: string[] = [];
  if (identity.principalId) ids.push(identity.principalId);
  for (const uai of Object.values(identity.userAssignedIdentities ?? {})) {
    if (uai.principalId && !ids.includes(uai.principalId)) ids.push(uai.principalId);
  }
  return ids;
}

/** Lower-cased subscription of a resource id (undefined when the id does not parse). */
export function subscriptionOf(resourceId: string): string | undefined {
  return parseIdCached(resourceId)?.subscriptionId.toLowerCase();
}

/** Lower-cased resource group of a resource id (undefined when the id does not parse or has none). */
export function resourceGroupOf(resourceId: string): string | undefined {
  return parseIdCached(resourceId)?.resourceGroup?.toLowerCase();
}
