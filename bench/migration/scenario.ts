/** The migration benchmark's shared setup: latencies, the 60-resource workspace, the policy, the critical path. */
import type { ArmClient } from '../../src/arm/client';
import type { Workspace } from '../../src/arm/types';
import { EMPTY_SUBSCRIPTION_ID } from '../../src/emulator/scenarios';
import type { LroDurations } from '../../src/emulator';
import type { Policy } from '../../src/policy/types';
import { approvedOutboundPolicy } from '../../tests/support/policies';
import { createComputeSet, createWorkspaceFixture, type ComputeSet } from '../../tests/support/workspaces';

const MIN = 60_000;

/** Delete 2 min, create 5 min, provisioning 30 min (the firewall's extra 10 min left out: it is not compute work). */
export const MIGRATION_DURATIONS: Partial<LroDurations> = {
  computeDelete: 2 * MIN,
  computeCreate: 5 * MIN,
  endpointDelete: 2 * MIN,
  endpointCreate: 5 * MIN,
  endpointUpdate: 1 * MIN,
  provisionManagedNetwork: 30 * MIN,
  firstFqdnFirewall: 0,
};

/** 20 clusters, 20 compute instances, 20 online endpoints (no deployments: each is one create). */
export const MIGRATION_SET: ComputeSet = { clusters: 20, instances: 20, endpoints: 20, deploymentsPerEndpoint: 0 };
export const MIGRATED_RESOURCES = MIGRATION_SET.clusters + MIGRATION_SET.instances + MIGRATION_SET.endpoints;

/** Longest delete + provisioning + longest create: no schedule can finish sooner. */
export function criticalPathMs(d: Partial<LroDurations> = MIGRATION_DURATIONS): number {
  const longestDelete = Math.max(d.computeDelete ?? 0, d.endpointDelete ?? 0);
  const longestCreate = Math.max(d.computeCreate ?? 0, d.endpointCreate ?? 0);
  return longestDelete + (d.provisionManagedNetwork ?? 0) + (d.firstFqdnFirewall ?? 0) + longestCreate;
}

/** Everything in one batch: the policy's max_parallel_deletes is the migration's fan-out. */
export function migrationPolicy(): Policy {
  return approvedOutboundPolicy([EMPTY_SUBSCRIPTION_ID], {
    compute_migration: { mode: 'automatic', max_parallel_deletes: MIGRATED_RESOURCES },
    approver_roles: { assign: false },
  });
}

export async function buildMigrationWorkspace(arm: ArmClient, name: string): Promise<Workspace> {
  const ws = await createWorkspaceFixture(arm, { subscriptionId: EMPTY_SUBSCRIPTION_ID, resourceGroup: `rg-${name}`, name, mode: 'Disabled' });
  await createComputeSet(arm, ws, MIGRATION_SET);
  return ws;
}
