/**
 * The host's determinism check. Like DurableTask.Core while replaying, every scheduling event already
 * in history (TaskScheduled, TimerCreated, SubOrchestrationInstanceCreated, EventSent) must meet an
 * operation the orchestrator scheduled again at the same sequence id, of the same kind and name.
 * Anything else fails the instance: "Non-Deterministic workflow detected: ...".
 */
import { HistoryEventType, eventTypeName, type HistoryEvent } from './history-events';
import { describeOp, type ScheduledOp } from './scheduled-op';

export class NonDeterministicOrchestrationError extends Error {
  override readonly name = 'NonDeterministicOrchestrationError';
  constructor(
    /** What history recorded, e.g. "TaskScheduled 'A' (sequence 0)". */
    readonly expected: string,
    /** What the orchestrator did this time, e.g. "CallActivity 'B' (sequence 0)" or "nothing". */
    readonly actual: string,
    readonly sequenceId: number,
  ) {
    super(
      `Non-Deterministic workflow detected: history has ${expected} but the orchestrator ` +
        `${actual === 'nothing' ? 'did not schedule anything' : `scheduled ${actual}`} at sequence ${sequenceId}. ` +
        'Was the orchestrator code changed, or does it branch on something other than its input, ' +
        'activity results, events and context.df.currentUtcDateTime?',
    );
  }
}

export function describeSchedulingEvent(event: HistoryEvent): string {
  switch (event.EventType) {
    case HistoryEventType.TaskScheduled:
    case HistoryEventType.SubOrchestrationInstanceCreated:
    case HistoryEventType.EventSent:
      return `${eventTypeName(event.EventType)} '${event.Name}' (sequence ${event.EventId})`;
    case HistoryEventType.TimerCreated:
      return `TimerCreated ${event.FireAt} (sequence ${event.EventId})`;
    default:
      return `${eventTypeName(event.EventType)} (sequence ${event.EventId})`;
  }
}

function matches(op: ScheduledOp, event: HistoryEvent): boolean {
  switch (event.EventType) {
    case HistoryEventType.TaskScheduled:
      return op.kind === 'activity' && op.name === event.Name;
    case HistoryEventType.TimerCreated:
      // Like the host, fireAt is not compared: it is derived from replay time.
      return op.kind === 'timer';
    case HistoryEventType.SubOrchestrationInstanceCreated:
      return op.kind === 'subOrchestration' && op.name === event.Name;
    default:
      return false;
  }
}

/**
 * Consumes the pending operation a recorded scheduling event stands for, or throws
 * NonDeterministicOrchestrationError.
 */
export function matchSchedulingEvent(pending: Map<number, ScheduledOp>, event: HistoryEvent): void {
  const op = pending.get(event.EventId);
  if (op === undefined) {
    throw new NonDeterministicOrchestrationError(describeSchedulingEvent(event), 'nothing', event.EventId);
  }
  if (!matches(op, event)) {
    throw new NonDeterministicOrchestrationError(describeSchedulingEvent(event), describeOp(op), event.EventId);
  }
  pending.delete(event.EventId);
}
