/**
 * The documented prerequisites of one workspace, read through ARM for the planner: the management locks at its
 * resource group and at the workspace (ARM lists a group's locks below it too: de-duplicated by id) and the
 * registration state of Microsoft.Network in its subscription. Shared by every reader that plans.
 */
import type { ArmClient } from '../../arm/client/arm-client';
import { parseResourceId } from '../../arm/resource-id';
import { REQUIRED_RESOURCE_PROVIDER } from '../../catalog/prerequisites';
import type { ScopeLock, WorkspacePrerequisites } from '../../planner/types';

const LOCK_SEGMENT = '/providers/microsoft.authorization/locks/';

/** The scope a lock is on, from its id (`{scope}/providers/Microsoft.Authorization/locks/{name}`). */
export function lockScope(lockId: string, fallback: string): string {
  const at = lockId.toLowerCase().lastIndexOf(LOCK_SEGMENT);
  return at > 0 ? lockId.slice(0, at) : fallback;
}

export function resourceGroupScope(workspaceId: string): string {
  const { subscriptionId, resourceGroup } = parseResourceId(workspaceId);
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup ?? ''}`;
}

/** Locks at the resource group and at the workspace scope, one per lock id. */
export async function readScopeLocks(arm: Pick<ArmClient, 'listLocks'>, workspaceId: string): Promise<ScopeLock[]> {
  const seen = new Map<string, ScopeLock>();
  for (const scope of [resourceGroupScope(workspaceId), workspaceId]) {
    for (const lock of await arm.listLocks(scope)) {
      const key = lock.id.toLowerCase();
      if (!seen.has(key)) seen.set(key, { id: lock.id, name: lock.name, level: lock.properties.level, scope: lockScope(lock.id, scope) });
    }
  }
  return [...seen.values()];
}

/** Is Microsoft.Network ('Registered') registered in the subscription? */
export async function readNetworkProviderRegistered(arm: Pick<ArmClient, 'getProviderRegistrationState'>, subscriptionId: string): Promise<boolean> {
  return (await arm.getProviderRegistrationState(subscriptionId, REQUIRED_RESOURCE_PROVIDER)) === 'Registered';
}

export async function readPrerequisites(arm: Pick<ArmClient, 'listLocks' | 'getProviderRegistrationState'>, workspaceId: string): Promise<WorkspacePrerequisites> {
  const locks = await readScopeLocks(arm, workspaceId);
  const networkProviderRegistered = await readNetworkProviderRegistered(arm, parseResourceId(workspaceId).subscriptionId);
  return { locks, networkProviderRegistered };
}
