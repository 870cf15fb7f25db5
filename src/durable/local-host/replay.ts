/**
 * One orchestrator episode through the durable-functions replay engine: build the orchestration
 * trigger the extension would send, call the library's trigger handler, and read back the
 * OrchestratorState (or the state embedded in an OrchestrationFailureError, as the extension does).
 */
import { performance } from 'node:perf_hooks';
import { InvocationContext, type LogHandler } from '@azure/functions';
import type { OrchestrationHandler } from 'durable-functions';
import type { HistoryEvent } from './history-events';
import { createLibraryOrchestrator, latestReplaySchema } from './library-bridge';
import { parseActionList, type OrchestratorAction } from './orchestrator-actions';

/**
 * Azure Storage's timer limits as the extension advertises them: timers further out than 6 days are
 * split by the library (LongTimerTask) into 3-day hops, and the host mirrors that split.
 */
export const TIMER_LIMITS = {
  maximumShortTimerMs: 6 * 24 * 3600 * 1000,
  longRunningTimerIntervalMs: 3 * 24 * 3600 * 1000,
  maximumShortTimerDuration: '6.00:00:00',
  longRunningTimerIntervalDuration: '3.00:00:00',
} as const;

export interface OrchestratorStateView {
  isDone: boolean;
  actions: OrchestratorAction[];
  output: unknown;
  /** Set when the orchestrator threw (an uncaught error or a programming-constraint violation). */
  error?: string;
  customStatus: unknown;
}

export type EpisodeOutcome =
  | { kind: 'state'; state: OrchestratorStateView }
  /** The library itself failed, or returned something the host cannot read. */
  | { kind: 'libraryError'; message: string };

export interface EpisodeRequest {
  handler: OrchestrationHandler;
  orchestratorName: string;
  instanceId: string;
  parentInstanceId?: string;
  input: unknown;
  /** Full history of the current execution, IsPlayed set on events from earlier episodes. */
  history: readonly HistoryEvent[];
  invocationId: string;
  logHandler: LogHandler;
}

const OUT_OF_PROC_LABEL = '$OutOfProcData$:';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readState(value: unknown): OrchestratorStateView {
  if (!isRecord(value)) throw new Error('orchestrator returned no OrchestratorState');
  const error = value['error'];
  const view: OrchestratorStateView = {
    isDone: value['isDone'] === true,
    actions: parseActionList(value['actions']),
    output: value['output'],
    customStatus: value['customStatus'],
  };
  if (typeof error === 'string') view.error = error;
  return view;
}

/** OrchestrationFailureError carries the state as JSON after a label, exactly what the extension parses. */
function stateFromFailure(error: unknown): unknown {
  if (!(error instanceof Error)) return undefined;
  const at = error.message.indexOf(OUT_OF_PROC_LABEL);
  if (at < 0) return undefined;
  return JSON.parse(error.message.slice(at + OUT_OF_PROC_LABEL.length)) as unknown;
}

export async function replayOrchestrator(
  request: EpisodeRequest,
): Promise<{ outcome: EpisodeOutcome; elapsedMs: number }> {
  const trigger = {
    // The library turns string Timestamps into Dates in place; hand it a private wire copy.
    history: JSON.parse(JSON.stringify(request.history)) as unknown,
    input: request.input,
    instanceId: request.instanceId,
    isReplaying: false,
    parentInstanceId: request.parentInstanceId,
    upperSchemaVersion: latestReplaySchema(),
    maximumShortTimerDuration: TIMER_LIMITS.maximumShortTimerDuration,
    longRunningTimerIntervalDuration: TIMER_LIMITS.longRunningTimerIntervalDuration,
    defaultHttpAsyncRequestSleepTimeMillseconds: 30_000,
  };
  const context = new InvocationContext({
    invocationId: request.invocationId,
    functionName: request.orchestratorName,
    logHandler: request.logHandler,
  });
  const run = createLibraryOrchestrator(request.handler);
  const started = performance.now();
  let raw: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    raw = await run(trigger, context);
  } catch (error) {
    threw = true;
    thrown = error;
  }
  const elapsedMs = performance.now() - started;
  try {
    if (!threw) return { outcome: { kind: 'state', state: readState(raw) }, elapsedMs };
    const embedded = stateFromFailure(thrown);
    if (embedded !== undefined) return { outcome: { kind: 'state', state: readState(embedded) }, elapsedMs };
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { outcome: { kind: 'libraryError', message }, elapsedMs };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { outcome: { kind: 'libraryError', message: `unreadable orchestrator state: ${message}` }, elapsedMs };
  }
}
