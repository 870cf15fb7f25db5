/**
 * Work the host schedules on an orchestrator's behalf, one per sequence id: what DurableTask.Core keeps
 * in its orchestratorActionsMap until the matching scheduling event is in history.
 */
import { events, type HistoryEvent } from './history-events';

export type ScheduledOp =
  | { kind: 'activity'; id: number; name: string; input: unknown }
  | { kind: 'timer'; id: number; fireAtMs: number }
  | { kind: 'subOrchestration'; id: number; name: string; instanceId: string; input: unknown };

export function describeOp(op: ScheduledOp): string {
  switch (op.kind) {
    case 'activity':
      return `CallActivity '${op.name}' (sequence ${op.id})`;
    case 'timer':
      return `CreateTimer ${new Date(op.fireAtMs).toISOString()} (sequence ${op.id})`;
    case 'subOrchestration':
      return `CallSubOrchestrator '${op.name}' (sequence ${op.id})`;
  }
}

/** The history event that records `op` as scheduled. */
export function schedulingEvent(op: ScheduledOp, nowMs: number): HistoryEvent {
  switch (op.kind) {
    case 'activity':
      return events.taskScheduled(nowMs, op.id, op.name, op.input);
    case 'timer':
      return events.timerCreated(nowMs, op.id, op.fireAtMs);
    case 'subOrchestration':
      return events.subOrchestrationCreated(nowMs, op.id, op.name, op.instanceId, op.input);
  }
}
