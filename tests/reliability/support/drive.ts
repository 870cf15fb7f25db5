/**
 * Drives many onboardings on one LocalDurableHost: start them all, run until each waits for its approval (mode
 * changes always ask), approve every waiting one, run until all are done. Returns each instance's final status.
 */
import { ORCHESTRATORS, APPROVAL_EVENT, type OnboardWorkspaceInput, type OrchestrationCustomStatus } from '../../../src/durable/contracts';
import { instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import type { InstanceStatus, LocalDurableHost } from '../../../src/durable/local-host';
import type { Policy } from '../../../src/policy/types';

export function onboardingInput(workspaceId: string, policy: Policy, dryRun = false): OnboardWorkspaceInput {
  return { workspaceId, policy, dryRun, request: { trigger: 'http', ticketId: 'REL-1' } };
}

export async function startOnboardings(host: LocalDurableHost, workspaceIds: readonly string[], policy: Policy, dryRun = false): Promise<string[]> {
  const ids: string[] = [];
  for (const ws of workspaceIds) {
    ids.push(await host.startNew(ORCHESTRATORS.onboardWorkspace, { instanceId: instanceIdForWorkspace(ws), input: onboardingInput(ws, policy, dryRun) }));
  }
  return ids;
}

function waitingForApproval(status: InstanceStatus): boolean {
  return (status.customStatus as OrchestrationCustomStatus | null)?.phase === 'waiting-for-approval';
}

/** Runs the host until nothing but approvals (and their timeout timers) is left; approves; repeats until idle. */
export async function runApprovingEverything(host: LocalDurableHost, instanceIds: readonly string[]): Promise<InstanceStatus[]> {
  const approved = new Set<string>();
  for (let round = 0; round < 100_000; round += 1) {
    // Not advancing the clock: approval timers must not fire before the approver answers.
    await host.runUntilIdle({ advanceClock: false, maxSteps: 100_000 });
    const statuses = await Promise.all(instanceIds.map((id) => host.getStatus(id)));
    let raised = 0;
    for (const s of statuses) {
      if (s === undefined || approved.has(s.instanceId) || !waitingForApproval(s)) continue;
      await host.raiseEvent(s.instanceId, APPROVAL_EVENT, { approved: true, approver: 'reliability@contoso.com' });
      approved.add(s.instanceId);
      raised += 1;
    }
    if (raised > 0) continue;
    const summary = await host.runUntilIdle({ maxSteps: 1 });
    if (summary.steps === 0) break;
  }
  return (await Promise.all(instanceIds.map((id) => host.getStatus(id)))).filter((s): s is InstanceStatus => s !== undefined);
}
