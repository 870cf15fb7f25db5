/** What a migration would touch: managed computes, online endpoints, and what is unsupported or left alone. */
import type { InvocationContext } from '@azure/functions';
import type { IsolationMode } from '../../arm/types';
import { inventoryComputes as classify, type ComputeInventory } from '../../planner/compute-inventory';
import { getActivityDependencies } from './dependencies';
import { readEndpoints } from './read-workspace-state';

export interface InventoryComputesInput {
  workspaceId: string;
}

export interface InventoryComputesOutput {
  location: string;
  isolationMode: IsolationMode;
  inventory: ComputeInventory;
}

export async function inventoryComputes(input: InventoryComputesInput, _context?: InvocationContext): Promise<InventoryComputesOutput> {
  const { arm } = getActivityDependencies();
  const workspace = await arm.getWorkspace(input.workspaceId);
  const computes = await arm.listComputes(input.workspaceId);
  const endpoints = await readEndpoints(arm, input.workspaceId);
  return {
    location: workspace.location,
    isolationMode: workspace.properties.managedNetwork?.isolationMode ?? 'Disabled',
    inventory: classify(workspace, computes, endpoints),
  };
}
