/** What runUntilIdle reports, and how instances are sorted into finished and waiting. */
import type { InstanceRecord } from './instance-record';
import type { OutstandingWork } from './outstanding-work';

export interface RunSummary {
  steps: number;
  stoppedBecause: 'idle' | 'maxSteps';
  episodes: number;
  activitiesExecuted: number;
  timersFired: number;
  /** Clock reading when the run stopped. */
  now: number;
  completed: string[];
  failed: string[];
  terminated: string[];
  /** Running with nothing scheduled: waiting for raiseEvent (or stuck). */
  waitingForEvents: string[];
  /** Running with timers pending that the run did not fire (advanceClock false, or a clock without advanceTo). */
  waitingForTimers: string[];
  waitingForSubOrchestrations: string[];
  /** Instances that failed during this run, with the error that failed them. */
  failures: Array<{ instanceId: string; error: Error }>;
}

export type InstanceClassification = Pick<
  RunSummary,
  'completed' | 'failed' | 'terminated' | 'waitingForEvents' | 'waitingForTimers' | 'waitingForSubOrchestrations'
>;

export function classifyInstances(
  records: readonly InstanceRecord[],
  work: (record: InstanceRecord) => OutstandingWork,
): InstanceClassification {
  const out: InstanceClassification = {
    completed: [],
    failed: [],
    terminated: [],
    waitingForEvents: [],
    waitingForTimers: [],
    waitingForSubOrchestrations: [],
  };
  for (const record of records) {
    const id = record.instanceId;
    if (record.runtimeStatus === 'Completed') out.completed.push(id);
    else if (record.runtimeStatus === 'Failed') out.failed.push(id);
    else if (record.runtimeStatus === 'Terminated') out.terminated.push(id);
    else {
      const pending = work(record);
      if (pending.timers.length > 0) out.waitingForTimers.push(id);
      else if (pending.subOrchestrations.length > 0) out.waitingForSubOrchestrations.push(id);
      else if (pending.activities.length === 0 && record.inbox.length === 0) out.waitingForEvents.push(id);
    }
  }
  return out;
}

/** Why a running instance cannot progress, for InstanceNotCompletedError. */
export function describeWait(pending: OutstandingWork): string {
  if (pending.timers.length > 0) return 'only timers are pending and the clock was not advanced';
  if (pending.subOrchestrations.length > 0) return 'its sub-orchestrations cannot make progress';
  return 'nothing left to run; it is waiting for an external event';
}
