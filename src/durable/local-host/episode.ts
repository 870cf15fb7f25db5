/**
 * One orchestrator episode, end to end: take the instance's inbox as this episode's new events, replay
 * the orchestrator through the library, replay its actions on the host side (determinism, sequence
 * ids, retries), then record the outcome the way DurableTask.Core would — scheduling events,
 * OrchestratorCompleted, and ExecutionCompleted / ContinueAsNew when the execution ends.
 */
import type { LogHandler } from '@azure/functions';
import type { OrchestrationHandler } from 'durable-functions';
import type { NonDeterministicOrchestrationError } from './determinism';
import { events, jsonRoundTrip, type ExecutionStartedEvent, type HistoryEvent } from './history-events';
import { replayOnHost } from './host-replay';
import type { FailureInfo, InstanceRecord } from './instance-record';
import { replayOrchestrator } from './replay';
import { schedulingEvent, type ScheduledOp } from './scheduled-op';

export interface EpisodeInput {
  /** Mutated in place: history, inbox, status, output, metrics. */
  record: InstanceRecord;
  handler: OrchestrationHandler;
  nowMs: number;
  knownActivities: readonly string[];
  knownOrchestrators: readonly string[];
  invocationId: string;
  newExecutionId: () => string;
  logHandler: LogHandler;
}

export interface EpisodeReport {
  /** Events this episode added to history (and, after continueAsNew, to the new execution's inbox). */
  recorded: HistoryEvent[];
  newOps: ScheduledOp[];
  warnings: string[];
  /** Why the instance failed in this episode, if it did. */
  failure?: Error;
}

/** The ExecutionStarted message that begins an execution of `record`. */
export function executionStartedFor(record: InstanceRecord, nowMs: number): ExecutionStartedEvent {
  const parent = record.parent;
  return events.executionStarted(
    nowMs,
    record.name,
    record.input,
    { InstanceId: record.instanceId, ExecutionId: record.executionId },
    parent && {
      Name: parent.name,
      TaskScheduleId: parent.taskScheduledId,
      OrchestrationInstance: { InstanceId: parent.instanceId, ExecutionId: parent.executionId },
    },
  );
}

class OrchestrationFailure extends Error {
  override readonly name = 'OrchestrationFailure';
}

export async function runEpisode(input: EpisodeInput): Promise<EpisodeReport> {
  const { record, nowMs } = input;
  const incoming = record.inbox.splice(0);
  const fresh: HistoryEvent[] = [events.orchestratorStarted(nowMs), ...incoming].map((e) => ({ ...e, IsPlayed: false }));
  const fullHistory = [...record.history.map((e) => ({ ...e, IsPlayed: true })), ...fresh];
  const recorded: HistoryEvent[] = [...fresh];
  const report: EpisodeReport = { recorded, newOps: [], warnings: [] };

  const { outcome, elapsedMs } = await replayOrchestrator({
    handler: input.handler,
    orchestratorName: record.name,
    instanceId: record.instanceId,
    ...(record.parent ? { parentInstanceId: record.parent.instanceId } : {}),
    input: record.input,
    history: fullHistory,
    invocationId: input.invocationId,
    logHandler: input.logHandler,
  });
  record.metrics.replays += 1;
  record.metrics.replayTimeMs += elapsedMs;
  record.runtimeStatus = 'Running';
  record.lastUpdatedTime = nowMs;

  const fail = (error: Error, info: FailureInfo): void => {
    recorded.push(events.orchestratorCompleted(nowMs), events.executionCompleted(nowMs, 'Failed', info.message));
    record.runtimeStatus = 'Failed';
    record.output = info.message;
    record.failure = info;
    report.failure = error;
  };
  const failWithMessage = (message: string): void => {
    const text = `Orchestrator function '${record.name}' failed: ${message}`;
    fail(new OrchestrationFailure(text), { errorType: 'OrchestrationFailure', message: text });
  };
  const failNonDeterministic = (error: NonDeterministicOrchestrationError): void =>
    fail(error, { errorType: error.name, message: error.message, expected: error.expected, actual: error.actual });

  if (outcome.kind === 'libraryError') {
    failWithMessage(outcome.message);
  } else {
    const state = outcome.state;
    // The extension sets custom status from every episode's result; the library omits falsy values.
    record.customStatus = state.customStatus === undefined ? null : jsonRoundTrip(state.customStatus);
    const host = replayOnHost({
      instanceId: record.instanceId,
      actions: state.actions,
      history: fullHistory,
      knownActivities: input.knownActivities,
      knownOrchestrators: input.knownOrchestrators,
    });
    if (host.outcome === 'nonDeterministic') {
      failNonDeterministic(host.error);
    } else if (host.outcome === 'invalid') {
      failWithMessage(host.message);
    } else {
      report.warnings.push(...host.warnings);
      report.newOps = host.newOps;
      recorded.push(...host.newOps.map((op) => schedulingEvent(op, nowMs)));
      record.canceledTimerIds = host.canceledTimerIds;
      // While the shim still awaits an action, the orchestrator's result is not applied (as on the host).
      if (host.replayFinished && state.error !== undefined) {
        failWithMessage(state.error);
      } else if (host.replayFinished && state.isDone && host.continueAsNew) {
        recorded.push(events.orchestratorCompleted(nowMs), events.continueAsNew(nowMs, host.continueAsNew.input));
        record.history.push(...recorded);
        record.metrics.totalHistoryEvents += recorded.length;
        // A new execution: history starts over, the new input is carried, unconsumed events are dropped.
        record.executionId = input.newExecutionId();
        record.input = jsonRoundTrip(host.continueAsNew.input);
        record.history = [];
        record.canceledTimerIds = [];
        record.runtimeStatus = 'ContinuedAsNew';
        record.metrics.executions += 1;
        const started = executionStartedFor(record, nowMs);
        record.inbox.push(started);
        record.metrics.historyEvents = 0;
        return { ...report, recorded: [...recorded, started] };
      } else if (host.replayFinished && state.isDone) {
        const output = jsonRoundTrip(state.output) ?? null;
        recorded.push(events.orchestratorCompleted(nowMs), events.executionCompleted(nowMs, 'Completed', output));
        record.runtimeStatus = 'Completed';
        record.output = output;
      } else {
        recorded.push(events.orchestratorCompleted(nowMs));
      }
    }
  }
  record.history.push(...recorded);
  record.metrics.totalHistoryEvents += recorded.length;
  record.metrics.historyEvents = record.history.length;
  return report;
}
