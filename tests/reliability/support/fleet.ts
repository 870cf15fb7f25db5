/**
 * The workspaces the reliability suites act on, built through the ARM client before any fault is injected:
 * onboarding targets (no computes; some Disabled, some internet outbound) and migration targets (Disabled, with
 * clusters, an instance and an online endpoint with a deployment), plus one shared storage account that every
 * workspace's private endpoint rule points at (so every onboarding assigns an approver role).
 */
import type { ArmClient } from '../../../src/arm/client';
import type { Workspace } from '../../../src/arm/types';
import { EMPTY_SUBSCRIPTION_ID } from '../../../src/emulator/scenarios';
import type { Policy } from '../../../src/policy/types';
import { testPolicy } from '../../support/policies';
import { createComputeSet, createWorkspaceFixture, type BuiltComputes, type ComputeSet } from '../../support/workspaces';

export const SUB = EMPTY_SUBSCRIPTION_ID;
export const SHARED_STORAGE = `/subscriptions/${SUB}/resourceGroups/rg-shared/providers/Microsoft.Storage/storageAccounts/stshareddata`;
export const MIGRATION_SET: ComputeSet = { clusters: 2, instances: 1, endpoints: 1, deploymentsPerEndpoint: 1 };

export interface MigrationTarget {
  workspace: Workspace;
  before: BuiltComputes;
}

export interface Fleet {
  onboard: Workspace[];
  migrate: MigrationTarget[];
}

export function reliabilityPolicy(): Policy {
  return testPolicy({
    name: 'reliability',
    scope: { subscriptions: [SUB] },
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [
        { name: 'pypi', type: 'fqdn', destination: 'pypi.org' },
        { name: 'shared-blob', type: 'private_endpoint', destination: { service_resource_id: SHARED_STORAGE, subresource_target: 'blob', spark_enabled: false } },
      ],
    },
    compute_migration: { mode: 'automatic', max_parallel_deletes: 4 },
    approver_roles: { assign: true },
  });
}

export async function buildFleet(arm: ArmClient, counts: { onboard: number; migrate: number }): Promise<Fleet> {
  await arm.createResourceGroup(SUB, 'rg-shared', { location: 'eastus' });
  await arm.putDependency('storageAccount', SHARED_STORAGE, { location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: {} });
  const fleet: Fleet = { onboard: [], migrate: [] };
  for (let i = 0; i < counts.onboard; i += 1) {
    const name = `ws-on-${String(i).padStart(2, '0')}`;
    const mode = i % 3 === 0 ? 'AllowInternetOutbound' : 'Disabled';
    fleet.onboard.push(await createWorkspaceFixture(arm, { subscriptionId: SUB, resourceGroup: `rg-on-${i % 5}`, name, mode }));
  }
  for (let i = 0; i < counts.migrate; i += 1) {
    const name = `ws-mig-${String(i).padStart(2, '0')}`;
    const workspace = await createWorkspaceFixture(arm, { subscriptionId: SUB, resourceGroup: `rg-mig-${i}`, name, mode: 'Disabled' });
    fleet.migrate.push({ workspace, before: await createComputeSet(arm, workspace, MIGRATION_SET) });
  }
  return fleet;
}
