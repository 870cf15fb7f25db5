/** Reading a workspace PUT/PATCH body: isolation mode transitions, firewall SKU, properties the client may set. */
import type { FirewallSku, IsolationMode } from '../../arm/types';
import { FIREWALL_SKUS, ISOLATION_MODES, findModeTransition } from '../../catalog';
import { validationError } from '../arm-error';

const MODES: readonly IsolationMode[] = Object.values(ISOLATION_MODES);

/** Properties computed by the service: ignored when a client sends them back. */
export const READ_ONLY_WORKSPACE_PROPERTIES = new Set([
  'managedNetwork',
  'provisioningState',
  'workspaceId',
  'discoveryUrl',
  'mlFlowTrackingUri',
  'notebookInfo',
  'privateLinkCount',
  'serviceProvisionedResourceGroup',
  'storageHnsEnabled',
  'tenantId',
  'privateEndpointConnections',
  'provisionNetworkNow',
]);

export function parseIsolationMode(value: unknown): IsolationMode {
  const mode = MODES.find((m) => typeof value === 'string' && m.toLowerCase() === value.toLowerCase());
  if (mode === undefined) throw validationError(`Invalid isolationMode '${String(value)}'. Use ${MODES.join(', ')}.`, 'properties.managedNetwork.isolationMode');
  return mode;
}

/** The service refuses Disabled after enabling and approved -> internet outbound (catalog MODE_TRANSITIONS). */
export function checkModeTransition(from: IsolationMode, to: IsolationMode): void {
  if (from === to) return;
  const t = findModeTransition(from, to);
  if (t !== undefined && !t.allowed) throw validationError(t.reason, 'properties.managedNetwork.isolationMode');
}

export function parseFirewallSku(value: unknown): FirewallSku {
  const sku = Object.values(FIREWALL_SKUS).find((s) => typeof value === 'string' && s.toLowerCase() === value.toLowerCase());
  if (sku === undefined) throw validationError(`firewallSku '${String(value)}' is not supported. Use ${Object.values(FIREWALL_SKUS).join(' or ')} (Premium is not supported).`, 'properties.managedNetwork.firewallSku');
  return sku;
}

export function parsePublicNetworkAccess(value: unknown): 'Enabled' | 'Disabled' {
  if (value === 'Enabled' || value === 'Disabled') return value;
  throw validationError(`publicNetworkAccess must be Enabled or Disabled, not '${String(value)}'.`, 'properties.publicNetworkAccess');
}
