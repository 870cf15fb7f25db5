/**
 * The PATCH body for a workspace's network settings, rebuilt field by field from a WorkspaceNetworkPatch so that
 * nothing else (a stray property slipped in through a cast) can ever reach the service. Never GET-modify-PUT.
 */
import type { WorkspaceNetworkPatch } from '../types';

export function workspaceNetworkPatchBody(patch: WorkspaceNetworkPatch): WorkspaceNetworkPatch {
  const source = patch.properties;
  const properties: WorkspaceNetworkPatch['properties'] = {};
  if (source.managedNetwork !== undefined) {
    const managedNetwork: NonNullable<WorkspaceNetworkPatch['properties']['managedNetwork']> = {};
    if (source.managedNetwork.isolationMode !== undefined) managedNetwork.isolationMode = source.managedNetwork.isolationMode;
    if (source.managedNetwork.firewallSku !== undefined) managedNetwork.firewallSku = source.managedNetwork.firewallSku;
    properties.managedNetwork = managedNetwork;
  }
  if (source.publicNetworkAccess !== undefined) properties.publicNetworkAccess = source.publicNetworkAccess;
  // An empty string is meaningful: it switches image builds back to the default.
  if (source.imageBuildCompute !== undefined) properties.imageBuildCompute = source.imageBuildCompute;
  return { properties };
}
