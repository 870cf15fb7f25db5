/**
 * Start one orchestration on the local host and drive it to its end, answering approvals through a callback
 * (the CLI asked the person before starting, so it raises the approval event on their behalf).
 */
import { APPROVAL_EVENT, type ApprovalDecision, type OrchestratorName } from '../../durable/contracts';
import type { InstanceStatus } from '../../durable/local-host';
import { RuntimeFailure } from '../errors';
import { drive, driveInstance, isFinished, phaseOf } from './drive';
import type { LocalRuntime } from './local-runtime';

export interface RunOrchestrationOptions {
  /** Answer for a waiting-for-approval phase; undefined leaves it waiting (the call then fails). */
  approve?: (status: InstanceStatus) => Promise<ApprovalDecision | undefined>;
  onWait?: (ms: number) => void;
  onStep?: () => void | Promise<void>;
}

export async function runOrchestration(
  rt: LocalRuntime,
  name: OrchestratorName,
  instanceId: string,
  input: unknown,
  options: RunOrchestrationOptions = {},
): Promise<InstanceStatus> {
  await rt.host.startNew(name, { instanceId, input });
  const hooks = { ...(options.onWait ? { onWait: options.onWait } : {}), ...(options.onStep ? { onStep: options.onStep } : {}) };
  for (;;) {
    const status = await driveInstance(rt.host, rt.time, instanceId, hooks);
    if (isFinished(status)) return status;
    if (phaseOf(status) !== 'waiting-for-approval') {
      throw new RuntimeFailure(`${name} ${instanceId} stopped making progress (${status.runtimeStatus})`);
    }
    const decision = await options.approve?.(status);
    if (decision === undefined) throw new RuntimeFailure(`${name} ${instanceId} waits for an approval nobody can give here`);
    const wait = waitKey(status);
    await rt.host.raiseEvent(instanceId, APPROVAL_EVENT, decision);
    // Until the orchestration has taken the answer in (a later wait, if any, has another deadline).
    await drive(rt.host, rt.time, {
      ...hooks,
      until: async () => {
        const now = await rt.host.getStatus(instanceId);
        return isFinished(now) || phaseOf(now) !== 'waiting-for-approval' || waitKey(now) !== wait;
      },
    });
  }
}

function waitKey(status: InstanceStatus | undefined): string {
  const custom = status?.customStatus;
  const waiting = typeof custom === 'object' && custom !== null ? (custom as Record<string, unknown>)['waitingForApproval'] : undefined;
  return JSON.stringify(waiting ?? null);
}

/** The failure of a Failed instance, as one line. */
export function failureLine(status: InstanceStatus): string {
  const message = status.failure?.message ?? (typeof status.output === 'string' ? status.output : 'the orchestration failed');
  return (message.split('\n')[0] ?? '').slice(0, 500);
}
