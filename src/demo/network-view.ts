/** A workspace's managed network as the report shows it, read through the ARM client (never from expectations). */
import type { ArmClient } from '../arm/client/arm-client';
import { notFoundAsUndefined } from '../arm/client/errors';
import { tryParseResourceId } from '../arm/resource-id';
import type { OutboundRule } from '../arm/types';
import type { NetworkView, RuleView } from '../report/model';

function ruleView(name: string, rule: OutboundRule): RuleView {
  const base = { name, type: rule.type, ...(rule.category ? { category: rule.category } : {}), ...(rule.status ? { status: rule.status } : {}) };
  switch (rule.type) {
    case 'FQDN':
      return { ...base, destination: rule.destination };
    case 'ServiceTag':
      return { ...base, destination: `${rule.destination.serviceTag} ${rule.destination.protocol} ${rule.destination.portRanges}` };
    case 'PrivateEndpoint': {
      const d = rule.destination;
      const parsed = tryParseResourceId(d.serviceResourceId);
      return {
        ...base,
        destination: d.serviceResourceId,
        target: {
          resourceId: d.serviceResourceId,
          resourceName: parsed?.name ?? d.serviceResourceId,
          resourceType: parsed?.resourceType ?? '',
          subresource: d.subresourceTarget,
          ...(d.sparkEnabled !== undefined ? { sparkEnabled: d.sparkEnabled } : {}),
        },
      };
    }
    default:
      return { ...base, destination: JSON.stringify((rule as { destination?: unknown }).destination ?? '') };
  }
}

/** Undefined when the workspace does not exist (yet). */
export async function readNetworkView(arm: ArmClient, workspaceId: string, readAt: string): Promise<NetworkView | undefined> {
  const ws = await notFoundAsUndefined(arm.getWorkspace(workspaceId));
  if (ws === undefined) return undefined;
  const network = ws.properties.managedNetwork ?? {};
  const rules = (await arm.listOutboundRules(workspaceId)).map((r) => ruleView(r.name, r.properties));
  const computes = (await arm.listComputes(workspaceId)).map((c) => ({
    name: c.name,
    computeType: c.properties.computeType,
    ...(c.properties.provisioningState ? { provisioningState: c.properties.provisioningState } : {}),
  }));
  const endpoints = (await arm.listOnlineEndpoints(workspaceId)).map((e) => e.name);
  const view: NetworkView = {
    readAt,
    isolationMode: network.isolationMode ?? 'Disabled',
    rules: rules.sort((a, b) => a.name.localeCompare(b.name)),
    computes: computes.sort((a, b) => a.name.localeCompare(b.name)),
    onlineEndpoints: endpoints.sort(),
  };
  if (network.firewallSku !== undefined) view.firewallSku = network.firewallSku;
  if (ws.properties.publicNetworkAccess !== undefined) view.publicNetworkAccess = ws.properties.publicNetworkAccess;
  if (network.status?.status !== undefined) view.networkStatus = network.status.status;
  if (network.status?.sparkReady !== undefined) view.sparkReady = network.status.sparkReady;
  return view;
}
