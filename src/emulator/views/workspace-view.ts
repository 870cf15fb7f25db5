/**
 * The workspace as GET returns it. Firewall marker (the emulator's choice, the real field set is unverified):
 * `managedNetwork.firewallSku` appears once the network has an FQDN rule (default Standard) or was set explicitly;
 * `managedNetwork.firewallPublicIpAddress` appears once a provisioning created the firewall.
 */
import type { IsolationMode, ManagedNetworkSettings, OutboundRule, Workspace } from '../../arm/types';
import { DEFAULT_FIREWALL_SKU, MODE_TRANSITIONS } from '../../catalog';
import { clone } from '../http-types';
import { WORKSPACE_TYPE, networkOwner } from '../model/network';
import type { WorkspaceRecord } from '../model/records';
import { guidFrom } from '../prng';
import type { EmulatorState } from '../state';
import { effectiveRules } from './rules-view';

export function changeableIsolationModes(mode: IsolationMode): IsolationMode[] {
  return MODE_TRANSITIONS.filter((t) => t.from === mode && t.allowed).map((t) => t.to);
}

export function hasFqdnRules(ws: WorkspaceRecord): boolean {
  return [...ws.userRules.values()].some((r) => r.rule.type === 'FQDN' && r.pending !== 'Deleting');
}

function firewallIp(ws: WorkspaceRecord): string {
  const h = guidFrom(`fw:${ws.id.toLowerCase()}`);
  return `20.${parseInt(h.slice(0, 2), 16)}.${parseInt(h.slice(2, 4), 16)}.${parseInt(h.slice(4, 6), 16)}`;
}

export function managedNetworkView(state: EmulatorState, ws: WorkspaceRecord): ManagedNetworkSettings {
  const owner = networkOwner(state, ws);
  const mn = owner.managedNetwork;
  const rules: Record<string, OutboundRule> = {};
  for (const [name, rule] of effectiveRules(state, ws)) rules[name] = rule;
  const view: ManagedNetworkSettings = {
    isolationMode: mn.isolationMode,
    networkId: mn.networkId,
    outboundRules: rules,
    status: { status: mn.status, sparkReady: mn.sparkReady },
    changeableIsolationModes: changeableIsolationModes(mn.isolationMode),
  };
  if (mn.firewallSku !== undefined || hasFqdnRules(owner)) view.firewallSku = mn.firewallSku ?? DEFAULT_FIREWALL_SKU;
  if (mn.firewallProvisioned) view.firewallPublicIpAddress = firewallIp(owner);
  return view;
}

export function workspaceView(state: EmulatorState, ws: WorkspaceRecord): Workspace {
  const props = clone(ws.properties);
  const view: Workspace = {
    id: ws.id,
    name: ws.name,
    type: WORKSPACE_TYPE,
    location: ws.location,
    kind: ws.kind,
    tags: { ...ws.tags },
    etag: ws.etag,
    sku: { ...ws.sku },
    systemData: {
      createdAt: new Date(ws.createdAt).toISOString(),
      createdByType: 'User',
      lastModifiedAt: new Date(ws.modifiedAt).toISOString(),
      lastModifiedByType: 'User',
    },
    properties: {
      friendlyName: ws.name,
      publicNetworkAccess: 'Enabled',
      ...props,
      provisioningState: ws.provisioningState,
      workspaceId: ws.workspaceGuid,
      discoveryUrl: `https://${ws.location}.api.azureml.ms/discovery`,
      managedNetwork: managedNetworkView(state, ws),
    },
  };
  if (ws.identity !== undefined) view.identity = clone(ws.identity);
  return view;
}
