/**
 * What the host keeps per orchestration instance (persisted as-is by a HistoryStore), and the
 * DurableOrchestrationStatus-like view handed to callers.
 */
import type { HistoryEvent } from './history-events';

export type RuntimeStatus = 'Pending' | 'Running' | 'Completed' | 'Failed' | 'Terminated' | 'ContinuedAsNew';

export const TERMINAL_STATUSES: readonly RuntimeStatus[] = ['Completed', 'Failed', 'Terminated'];

export function isTerminal(status: RuntimeStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export interface ParentLink {
  instanceId: string;
  executionId: string;
  /** Sequence id of the SubOrchestrationInstanceCreated event in the parent. */
  taskScheduledId: number;
  name: string;
}

export interface FailureInfo {
  errorType: string;
  message: string;
  /** For NonDeterministicOrchestrationError: what history recorded and what the orchestrator did. */
  expected?: string;
  actual?: string;
}

export interface InstanceMetrics {
  /** Events in the current execution's history. */
  historyEvents: number;
  /** Events across all executions (continueAsNew resets history, not this). */
  totalHistoryEvents: number;
  /** Orchestrator episodes run through the library's replay engine. */
  replays: number;
  /** Wall-clock milliseconds spent inside the library's replay engine. */
  replayTimeMs: number;
  activityExecutions: number;
  /** 1 + number of continueAsNew restarts. */
  executions: number;
}

export interface InstanceRecord {
  /** Creation order; keeps scheduling deterministic across resumes. */
  seq: number;
  instanceId: string;
  name: string;
  executionId: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  createdTime: number;
  lastUpdatedTime: number;
  parent?: ParentLink;
  /** Committed history of the current execution. */
  history: HistoryEvent[];
  /** Messages delivered but not yet processed by an episode (the instance's control queue). */
  inbox: HistoryEvent[];
  canceledTimerIds: number[];
  failure?: FailureInfo;
  metrics: InstanceMetrics;
}

export interface InstanceStatus {
  instanceId: string;
  name: string;
  runtimeStatus: RuntimeStatus;
  input: unknown;
  output: unknown;
  customStatus: unknown;
  createdTime: Date;
  lastUpdatedTime: Date;
  parentInstanceId?: string;
  failure?: FailureInfo;
  metrics: InstanceMetrics;
  /** Current execution's history, when asked for. */
  history?: HistoryEvent[];
}

export function emptyMetrics(): InstanceMetrics {
  return { historyEvents: 0, totalHistoryEvents: 0, replays: 0, replayTimeMs: 0, activityExecutions: 0, executions: 1 };
}

export function toStatus(record: InstanceRecord, showHistory: boolean): InstanceStatus {
  const status: InstanceStatus = {
    instanceId: record.instanceId,
    name: record.name,
    runtimeStatus: record.runtimeStatus,
    input: structuredClone(record.input),
    output: structuredClone(record.output),
    customStatus: structuredClone(record.customStatus),
    createdTime: new Date(record.createdTime),
    lastUpdatedTime: new Date(record.lastUpdatedTime),
    metrics: { ...record.metrics },
  };
  if (record.parent) status.parentInstanceId = record.parent.instanceId;
  if (record.failure) status.failure = { ...record.failure };
  if (showHistory) status.history = structuredClone(record.history);
  return status;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const STATUSES: readonly string[] = ['Pending', 'Running', 'Completed', 'Failed', 'Terminated', 'ContinuedAsNew'];

/** Shallow check of a record read back from storage; the host wrote it, so structure is trusted beyond this. */
export function isInstanceRecord(value: unknown): value is InstanceRecord {
  return (
    isRecord(value) &&
    typeof value['seq'] === 'number' &&
    typeof value['instanceId'] === 'string' &&
    typeof value['name'] === 'string' &&
    typeof value['executionId'] === 'string' &&
    typeof value['runtimeStatus'] === 'string' &&
    STATUSES.includes(value['runtimeStatus']) &&
    Array.isArray(value['history']) &&
    Array.isArray(value['inbox']) &&
    Array.isArray(value['canceledTimerIds']) &&
    isRecord(value['metrics'])
  );
}
