/**
 * Changes one or more of the workspace's network settings (isolation mode, firewall SKU, public network access,
 * image build compute). Reads first: when the workspace already has the wanted values nothing is written, so a
 * retried or replayed step is a no-op.
 */
import type { InvocationContext } from '@azure/functions';
import type { Workspace, WorkspaceNetworkPatch } from '../../arm/types';
import { getActivityDependencies, logWrite } from './dependencies';

export interface PatchWorkspaceNetworkInput {
  workspaceId: string;
  patch: WorkspaceNetworkPatch;
}

export interface PatchWorkspaceNetworkOutput {
  changed: boolean;
  /** The fields that differed, e.g. `isolationMode: Disabled -> AllowOnlyApprovedOutbound`. */
  changes: string[];
}

export async function patchWorkspaceNetwork(input: PatchWorkspaceNetworkInput, _context?: InvocationContext): Promise<PatchWorkspaceNetworkOutput> {
  const { arm } = getActivityDependencies();
  const current = await arm.getWorkspace(input.workspaceId);
  const changes = differences(current, input.patch);
  if (changes.length === 0) return { changed: false, changes };
  await arm.patchWorkspaceNetwork(input.workspaceId, input.patch);
  logWrite(`workspace network settings changed: ${changes.join('; ')}`, { workspaceId: input.workspaceId });
  return { changed: true, changes };
}

export function differences(workspace: Workspace, patch: WorkspaceNetworkPatch): string[] {
  const out: string[] = [];
  const p = workspace.properties;
  const want = patch.properties;
  const network = p.managedNetwork ?? {};
  const check = (field: string, actual: unknown, wanted: unknown): void => {
    if (wanted !== undefined && actual !== wanted) out.push(`${field}: ${String(actual ?? '(unset)')} -> ${String(wanted === '' ? '(none)' : wanted)}`);
  };
  check('isolationMode', network.isolationMode ?? 'Disabled', want.managedNetwork?.isolationMode);
  check('firewallSku', network.firewallSku, want.managedNetwork?.firewallSku);
  check('publicNetworkAccess', p.publicNetworkAccess, want.publicNetworkAccess);
  check('imageBuildCompute', p.imageBuildCompute ?? '', want.imageBuildCompute);
  return out;
}
