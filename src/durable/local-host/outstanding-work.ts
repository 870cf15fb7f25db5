/**
 * Work an instance is waiting on, derived from its persisted history and inbox alone: a scheduling
 * event without its completion is outstanding. Deriving instead of queueing is what makes resume
 * exact: a completion recorded before a crash is never redone, one not recorded is redone.
 */
import { completedTaskId, fromJsonPayload, HistoryEventType } from './history-events';
import { isTerminal, type InstanceRecord } from './instance-record';

export interface OutstandingActivity {
  id: number;
  name: string;
  input: unknown;
}
export interface OutstandingTimer {
  id: number;
  fireAtMs: number;
}
export interface OutstandingSubOrchestration {
  id: number;
  name: string;
  instanceId: string;
  input: unknown;
}
export interface OutstandingWork {
  activities: OutstandingActivity[];
  timers: OutstandingTimer[];
  subOrchestrations: OutstandingSubOrchestration[];
}

export function outstandingWork(record: InstanceRecord): OutstandingWork {
  const work: OutstandingWork = { activities: [], timers: [], subOrchestrations: [] };
  if (isTerminal(record.runtimeStatus)) return work;
  const done = new Set<number>();
  for (const event of [...record.history, ...record.inbox]) {
    const id = completedTaskId(event);
    if (id !== undefined) done.add(id);
  }
  const canceled = new Set(record.canceledTimerIds);
  for (const event of record.history) {
    if (done.has(event.EventId)) continue;
    switch (event.EventType) {
      case HistoryEventType.TaskScheduled:
        work.activities.push({ id: event.EventId, name: event.Name, input: fromJsonPayload(event.Input) });
        break;
      case HistoryEventType.TimerCreated:
        if (!canceled.has(event.EventId)) work.timers.push({ id: event.EventId, fireAtMs: Date.parse(event.FireAt) });
        break;
      case HistoryEventType.SubOrchestrationInstanceCreated:
        work.subOrchestrations.push({
          id: event.EventId,
          name: event.Name,
          instanceId: event.InstanceId,
          input: fromJsonPayload(event.Input),
        });
        break;
      default:
        break;
    }
  }
  return work;
}
