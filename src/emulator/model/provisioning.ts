/**
 * Managed network provisioning: explicit (POST provisionManagedNetwork), at creation (provisionNetworkNow) or
 * implicit (the first compute/deployment in an unprovisioned managed network waits for it, as the facts say).
 * Duration: provisionManagedNetwork, plus firstFqdnFirewall while FQDN rules exist and no firewall does.
 * A management lock on the workspace or a parent scope makes it fail (the service's internal operations are blocked).
 */
import type { HandlerContext } from '../context';
import { startLro } from '../context';
import type { OperationRecord } from '../lro';
import type { EmulatorState } from '../state';
import { hasFqdnRules } from '../views/workspace-view';
import type { WorkspaceRecord } from './records';

export const PROVISION_KINDS = ['provisionManagedNetwork', 'implicitProvision'] as const;

export function provisioningDuration(ctx: HandlerContext, ws: WorkspaceRecord): number {
  const d = ctx.settings.durations;
  return d.provisionManagedNetwork + (hasFqdnRules(ws) && !ws.managedNetwork.firewallProvisioned ? d.firstFqdnFirewall : 0);
}

export function activeProvisioning(state: EmulatorState, ws: WorkspaceRecord): OperationRecord | undefined {
  return state.ops.active(ws.id, PROVISION_KINDS);
}

export function startProvisioning(ctx: HandlerContext, ws: WorkspaceRecord, includeSpark: boolean, kind: (typeof PROVISION_KINDS)[number], extraMs = 0): OperationRecord {
  const state = ctx.state;
  const spec = {
    kind,
    target: ws.id,
    subscriptionId: ws.subscriptionId,
    location: ws.location,
    durationMs: provisioningDuration(ctx, ws) + extraMs,
    failAtCompletion: () => {
      const lock = state.locksCovering(ws.id)[0];
      return lock === undefined
        ? undefined
        : { code: 'ScopeLocked', message: `Managed network provisioning failed: the scope '${lock.scope}' is locked (${lock.level}). Remove the lock and retry.` };
    },
    onSucceeded: () => {
      ws.managedNetwork.status = 'Active';
      if (includeSpark) ws.managedNetwork.sparkReady = true;
      if (hasFqdnRules(ws)) ws.managedNetwork.firewallProvisioned = true;
      state.touch(ws);
    },
    finalBody: () => ({ status: ws.managedNetwork.status, sparkReady: ws.managedNetwork.sparkReady }),
  };
  // Implicit provisioning is started by another request: faults aimed at that request apply to its own LRO.
  return kind === 'implicitProvision' ? state.startOperation(spec) : startLro(ctx, spec);
}

/**
 * Milliseconds a compute/deployment creation must wait for the managed network: 0 when not managed or already
 * Active; the remaining time of a running provisioning; else a new implicit provisioning's duration.
 */
export function waitForNetwork(ctx: HandlerContext, owner: WorkspaceRecord): number {
  if (owner.managedNetwork.isolationMode === 'Disabled' || owner.managedNetwork.status === 'Active') return 0;
  const running = activeProvisioning(ctx.state, owner);
  const now = ctx.state.now();
  if (running !== undefined) return Number.isFinite(running.completesAt) ? running.completesAt - now : 0;
  const op = startProvisioning(ctx, owner, false, 'implicitProvision');
  return op.completesAt - now;
}
