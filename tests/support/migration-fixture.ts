/**
 * The migration acceptance fixture: a workspace without a managed network holding 3 clusters (customer
 * subnet), 3 compute instances and 2 online endpoints with 2 deployments each, built through the ARM client in
 * an `empty` emulator. Shared by the migration tests and the crash/resume test.
 */
import type { ArmClient } from '../../src/arm/client';
import type { Workspace } from '../../src/arm/types';
import { EMPTY_SUBSCRIPTION_ID } from '../../src/emulator/scenarios';
import { createComputeSet, createWorkspaceFixture, type BuiltComputes, type ComputeSet } from './workspaces';

export const SUBNET_ID = `/subscriptions/${EMPTY_SUBSCRIPTION_ID}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/training`;

export const FULL_SET: ComputeSet = { clusters: 3, instances: 3, endpoints: 2, deploymentsPerEndpoint: 2, subnetId: SUBNET_ID };

export interface MigrationFixture {
  workspace: Workspace;
  before: BuiltComputes;
}

export async function buildMigrationFixture(arm: ArmClient, set: ComputeSet = FULL_SET, name = 'ws-mig'): Promise<MigrationFixture> {
  const workspace = await createWorkspaceFixture(arm, { subscriptionId: EMPTY_SUBSCRIPTION_ID, resourceGroup: 'rg-mig', name, mode: 'Disabled' });
  const before = await createComputeSet(arm, workspace, set);
  return { workspace, before };
}

const MIN = 60_000;

/** Shorter compute/endpoint operations (provisioning stays realistic): keeps the many-poll tests quick. */
export const FAST_COMPUTE_DURATIONS = {
  computeCreate: 2 * MIN,
  computeDelete: 1 * MIN,
  endpointCreate: 2 * MIN,
  endpointUpdate: 1 * MIN,
  endpointDelete: 1 * MIN,
  deploymentCreate: 2 * MIN,
  deploymentDelete: 1 * MIN,
};
