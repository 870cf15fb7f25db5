/**
 * History events in the wire shape the Durable Task extension hands to the durable-functions library
 * (PascalCase fields, numeric EventType, ISO timestamps). Values mirror
 * durable-functions/lib/src/history/HistoryEventType.js, which mirrors DurableTask.Core's EventType.
 */
export const HistoryEventType = {
  ExecutionStarted: 0,
  ExecutionCompleted: 1,
  ExecutionFailed: 2,
  ExecutionTerminated: 3,
  TaskScheduled: 4,
  TaskCompleted: 5,
  TaskFailed: 6,
  SubOrchestrationInstanceCreated: 7,
  SubOrchestrationInstanceCompleted: 8,
  SubOrchestrationInstanceFailed: 9,
  TimerCreated: 10,
  TimerFired: 11,
  OrchestratorStarted: 12,
  OrchestratorCompleted: 13,
  EventSent: 14,
  EventRaised: 15,
  ContinueAsNew: 16,
} as const;

export type HistoryEventTypeValue = (typeof HistoryEventType)[keyof typeof HistoryEventType];

interface EventBase {
  /** Sequence number for scheduling events (TaskScheduled, TimerCreated, ...); -1 otherwise. */
  EventId: number;
  /** True when the event was already shown to the orchestrator in an earlier episode. */
  IsPlayed: boolean;
  Timestamp: string;
}

export interface OrchestratorStartedEvent extends EventBase {
  EventType: typeof HistoryEventType.OrchestratorStarted;
}
export interface OrchestratorCompletedEvent extends EventBase {
  EventType: typeof HistoryEventType.OrchestratorCompleted;
}
export interface ParentInstanceInfo {
  Name: string;
  TaskScheduleId: number;
  OrchestrationInstance: { InstanceId: string; ExecutionId: string };
}
export interface ExecutionStartedEvent extends EventBase {
  EventType: typeof HistoryEventType.ExecutionStarted;
  Name: string;
  Input?: string;
  ParentInstance?: ParentInstanceInfo;
  OrchestrationInstance: { InstanceId: string; ExecutionId: string };
}
export type CompletionStatus = 'Completed' | 'Failed' | 'Terminated' | 'ContinuedAsNew';
export interface ExecutionCompletedEvent extends EventBase {
  EventType: typeof HistoryEventType.ExecutionCompleted;
  OrchestrationStatus: CompletionStatus;
  Result?: string;
}
export interface ExecutionTerminatedEvent extends EventBase {
  EventType: typeof HistoryEventType.ExecutionTerminated;
  Input?: string;
}
export interface ContinueAsNewEvent extends EventBase {
  EventType: typeof HistoryEventType.ContinueAsNew;
  Result?: string;
}
export interface TaskScheduledEvent extends EventBase {
  EventType: typeof HistoryEventType.TaskScheduled;
  Name: string;
  Input?: string;
}
export interface TaskCompletedEvent extends EventBase {
  EventType: typeof HistoryEventType.TaskCompleted;
  TaskScheduledId: number;
  Result: string;
}
/** FailureDetails as the library's TaskFailedError reads them (lib/src/error/TaskFailedError.js). */
export interface FailureDetailsPayload {
  ErrorType: string;
  ErrorMessage: string;
  StackTrace?: string;
  IsNonRetriable?: boolean;
  Properties?: Record<string, unknown>;
}
export interface TaskFailedEvent extends EventBase {
  EventType: typeof HistoryEventType.TaskFailed;
  TaskScheduledId: number;
  Reason: string;
  Details: string;
  FailureDetails?: FailureDetailsPayload;
}
export interface SubOrchestrationInstanceCreatedEvent extends EventBase {
  EventType: typeof HistoryEventType.SubOrchestrationInstanceCreated;
  Name: string;
  InstanceId: string;
  Input?: string;
}
export interface SubOrchestrationInstanceCompletedEvent extends EventBase {
  EventType: typeof HistoryEventType.SubOrchestrationInstanceCompleted;
  TaskScheduledId: number;
  Result: string;
}
export interface SubOrchestrationInstanceFailedEvent extends EventBase {
  EventType: typeof HistoryEventType.SubOrchestrationInstanceFailed;
  TaskScheduledId: number;
  Reason: string;
  Details: string;
}
export interface TimerCreatedEvent extends EventBase {
  EventType: typeof HistoryEventType.TimerCreated;
  FireAt: string;
}
export interface TimerFiredEvent extends EventBase {
  EventType: typeof HistoryEventType.TimerFired;
  TimerId: number;
  FireAt: string;
}
export interface EventRaisedEvent extends EventBase {
  EventType: typeof HistoryEventType.EventRaised;
  Name: string;
  Input?: string;
}
export interface EventSentEvent extends EventBase {
  EventType: typeof HistoryEventType.EventSent;
  Name: string;
  InstanceId: string;
  Input?: string;
}

export type HistoryEvent =
  | OrchestratorStartedEvent
  | OrchestratorCompletedEvent
  | ExecutionStartedEvent
  | ExecutionCompletedEvent
  | ExecutionTerminatedEvent
  | ContinueAsNewEvent
  | TaskScheduledEvent
  | TaskCompletedEvent
  | TaskFailedEvent
  | SubOrchestrationInstanceCreatedEvent
  | SubOrchestrationInstanceCompletedEvent
  | SubOrchestrationInstanceFailedEvent
  | TimerCreatedEvent
  | TimerFiredEvent
  | EventRaisedEvent
  | EventSentEvent;

const NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(HistoryEventType).map(([name, value]) => [value, name]),
);

export function eventTypeName(type: number): string {
  return NAMES[type] ?? `EventType(${type})`;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** JSON text for a history payload; undefined stays absent, the way the extension omits null inputs. */
export function toJsonPayload(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

export function fromJsonPayload(text: string | undefined): unknown {
  return text === undefined || text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Events that complete an earlier scheduling event, keyed by the scheduling event's id. */
export function completedTaskId(event: HistoryEvent): number | undefined {
  switch (event.EventType) {
    case HistoryEventType.TaskCompleted:
    case HistoryEventType.TaskFailed:
    case HistoryEventType.SubOrchestrationInstanceCompleted:
    case HistoryEventType.SubOrchestrationInstanceFailed:
      return event.TaskScheduledId;
    case HistoryEventType.TimerFired:
      return event.TimerId;
    default:
      return undefined;
  }
}

const base = (ms: number): EventBase => ({ EventId: -1, IsPlayed: false, Timestamp: iso(ms) });

export const events = {
  orchestratorStarted: (ms: number): OrchestratorStartedEvent => ({
    EventType: HistoryEventType.OrchestratorStarted,
    ...base(ms),
  }),
  orchestratorCompleted: (ms: number): OrchestratorCompletedEvent => ({
    EventType: HistoryEventType.OrchestratorCompleted,
    ...base(ms),
  }),
  executionStarted: (
    ms: number,
    name: string,
    input: unknown,
    instance: { InstanceId: string; ExecutionId: string },
    parent?: ParentInstanceInfo,
  ): ExecutionStartedEvent => {
    const event: ExecutionStartedEvent = {
      EventType: HistoryEventType.ExecutionStarted,
      ...base(ms),
      Name: name,
      OrchestrationInstance: instance,
    };
    const payload = toJsonPayload(input);
    if (payload !== undefined) event.Input = payload;
    if (parent !== undefined) event.ParentInstance = parent;
    return event;
  },
  executionCompleted: (ms: number, status: CompletionStatus, result: unknown): ExecutionCompletedEvent => {
    const event: ExecutionCompletedEvent = {
      EventType: HistoryEventType.ExecutionCompleted,
      ...base(ms),
      OrchestrationStatus: status,
    };
    const payload = toJsonPayload(result);
    if (payload !== undefined) event.Result = payload;
    return event;
  },
  executionTerminated: (ms: number, reason: unknown): ExecutionTerminatedEvent => {
    const event: ExecutionTerminatedEvent = { EventType: HistoryEventType.ExecutionTerminated, ...base(ms) };
    const payload = toJsonPayload(reason);
    if (payload !== undefined) event.Input = payload;
    return event;
  },
  continueAsNew: (ms: number, input: unknown): ContinueAsNewEvent => {
    const event: ContinueAsNewEvent = { EventType: HistoryEventType.ContinueAsNew, ...base(ms) };
    const payload = toJsonPayload(input);
    if (payload !== undefined) event.Result = payload;
    return event;
  },
  taskScheduled: (ms: number, id: number, name: string, input: unknown): TaskScheduledEvent => {
    const event: TaskScheduledEvent = {
      EventType: HistoryEventType.TaskScheduled,
      ...base(ms),
      EventId: id,
      Name: name,
    };
    const payload = toJsonPayload(input);
    if (payload !== undefined) event.Input = payload;
    return event;
  },
  taskCompleted: (ms: number, taskScheduledId: number, resultJson: string): TaskCompletedEvent => ({
    EventType: HistoryEventType.TaskCompleted,
    ...base(ms),
    TaskScheduledId: taskScheduledId,
    Result: resultJson,
  }),
  taskFailed: (
    ms: number,
    taskScheduledId: number,
    reason: string,
    details: string,
    failureDetails?: FailureDetailsPayload,
  ): TaskFailedEvent => {
    const event: TaskFailedEvent = {
      EventType: HistoryEventType.TaskFailed,
      ...base(ms),
      TaskScheduledId: taskScheduledId,
      Reason: reason,
      Details: details,
    };
    if (failureDetails !== undefined) event.FailureDetails = failureDetails;
    return event;
  },
  subOrchestrationCreated: (
    ms: number,
    id: number,
    name: string,
    instanceId: string,
    input: unknown,
  ): SubOrchestrationInstanceCreatedEvent => {
    const event: SubOrchestrationInstanceCreatedEvent = {
      EventType: HistoryEventType.SubOrchestrationInstanceCreated,
      ...base(ms),
      EventId: id,
      Name: name,
      InstanceId: instanceId,
    };
    const payload = toJsonPayload(input);
    if (payload !== undefined) event.Input = payload;
    return event;
  },
  subOrchestrationCompleted: (
    ms: number,
    taskScheduledId: number,
    resultJson: string,
  ): SubOrchestrationInstanceCompletedEvent => ({
    EventType: HistoryEventType.SubOrchestrationInstanceCompleted,
    ...base(ms),
    TaskScheduledId: taskScheduledId,
    Result: resultJson,
  }),
  subOrchestrationFailed: (
    ms: number,
    taskScheduledId: number,
    reason: string,
    details: string,
  ): SubOrchestrationInstanceFailedEvent => ({
    EventType: HistoryEventType.SubOrchestrationInstanceFailed,
    ...base(ms),
    TaskScheduledId: taskScheduledId,
    Reason: reason,
    Details: details,
  }),
  timerCreated: (ms: number, id: number, fireAtMs: number): TimerCreatedEvent => ({
    EventType: HistoryEventType.TimerCreated,
    ...base(ms),
    EventId: id,
    FireAt: iso(fireAtMs),
  }),
  timerFired: (ms: number, timerId: number, fireAtMs: number): TimerFiredEvent => ({
    EventType: HistoryEventType.TimerFired,
    ...base(ms),
    TimerId: timerId,
    FireAt: iso(fireAtMs),
  }),
  eventRaised: (ms: number, name: string, data: unknown): EventRaisedEvent => {
    const event: EventRaisedEvent = { EventType: HistoryEventType.EventRaised, ...base(ms), Name: name };
    const payload = toJsonPayload(data);
    if (payload !== undefined) event.Input = payload;
    return event;
  },
};

/** The value as it comes back out of history: what JSON keeps of it. */
export function jsonRoundTrip(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}
