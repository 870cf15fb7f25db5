/** Small helpers for driving orchestrations on the LocalDurableHost in tests. */
import type { InstanceStatus, LocalDurableHost } from '../../src/durable/local-host';
import { APPROVAL_EVENT, type ApprovalDecision, type OrchestrationCustomStatus } from '../../src/durable/contracts';

export function customStatusOf(status: InstanceStatus | undefined): OrchestrationCustomStatus | undefined {
  return (status?.customStatus ?? undefined) as OrchestrationCustomStatus | undefined;
}

/** Runs until the instance publishes phase `waiting-for-approval` (without firing its approval timer). */
export async function runUntilWaitingForApproval(host: LocalDurableHost, instanceId: string): Promise<OrchestrationCustomStatus> {
  const status = await host.waitForStatus(instanceId, (s) => customStatusOf(s)?.phase === 'waiting-for-approval' || s.runtimeStatus !== 'Running' && s.runtimeStatus !== 'Pending');
  const custom = customStatusOf(status);
  if (custom?.phase !== 'waiting-for-approval') throw new Error(`instance ${instanceId} ended ${status.runtimeStatus} without asking for approval: ${JSON.stringify(status.output)}`);
  return custom;
}

export async function approve(host: LocalDurableHost, instanceId: string, decision: Partial<ApprovalDecision> = {}): Promise<void> {
  await host.raiseEvent(instanceId, APPROVAL_EVENT, { approved: true, approver: 'approver@contoso.com', ...decision });
}

export async function reject(host: LocalDurableHost, instanceId: string, comment = 'not now'): Promise<void> {
  await host.raiseEvent(instanceId, APPROVAL_EVENT, { approved: false, approver: 'approver@contoso.com', comment });
}
