/**
 * The baseline: what an `az ml` script does, one call at a time with the same ARM client: each delete (waited
 * for), the network (mode, rules, provisioning), then each create (waited for). Returns emulated time.
 */
import type { ArmClient } from '../../src/arm/client';
import { computeRecreateBody, onlineEndpointRecreateBody } from '../../src/arm/recreate';
import type { OutboundRule } from '../../src/arm/types';
import type { Policy } from '../../src/policy/types';

export interface SequentialResult {
  emulatedMs: number;
  deleted: number;
  created: number;
}

function fqdnRules(policy: Policy): [string, OutboundRule][] {
  return policy.managed_network.outbound_rules.flatMap((r): [string, OutboundRule][] =>
    r.type === 'fqdn' ? [[r.name, { type: 'FQDN', category: 'UserDefined', destination: r.destination }]] : [],
  );
}

export async function migrateSequentially(arm: ArmClient, workspaceId: string, policy: Policy, now: () => number): Promise<SequentialResult> {
  const t0 = now();
  const computes = await arm.listComputes(workspaceId);
  const endpoints = await arm.listOnlineEndpoints(workspaceId);
  const computeId = (name: string): string => `${workspaceId}/computes/${name}`;
  const endpointId = (name: string): string => `${workspaceId}/onlineEndpoints/${name}`;
  for (const c of computes) await arm.deleteComputeAndWait(computeId(c.name));
  for (const e of endpoints) await arm.waitForOperation(await arm.beginDeleteOnlineEndpoint(endpointId(e.name)));
  await arm.patchWorkspaceNetwork(workspaceId, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  for (const [name, rule] of fqdnRules(policy)) await arm.putOutboundRule(workspaceId, name, rule);
  await arm.provisionManagedNetworkAndWait(workspaceId);
  for (const c of computes) await arm.createComputeAndWait(computeId(c.name), computeRecreateBody(c, { insideManagedNetwork: true }));
  for (const e of endpoints) await arm.waitForOperation(await arm.beginCreateOnlineEndpoint(endpointId(e.name), onlineEndpointRecreateBody(e).body));
  return { emulatedMs: now() - t0, deleted: computes.length + endpoints.length, created: computes.length + endpoints.length };
}
