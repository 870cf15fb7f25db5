/**
 * The host half of an episode. The extension's OutOfProcOrchestrationShim takes the action list the
 * library returned and, inside DurableTask.Core's own replay, issues one API call per top-level action,
 * awaiting each before issuing the next (ProcessAsyncActionsV2). DurableTask.Core numbers the calls,
 * checks them against the scheduling events in history (determinism), completes them from the
 * completion events, runs retry loops (RetryInterceptor) and, once history is exhausted, whatever was
 * issued but not yet in history is new work. This module replays that, synchronously, so the local host
 * assigns the same sequence ids and schedules the same work at the same moments as the real one —
 * including its quirks (Task.all waits for every child; a task re-listed in Task.all/any is issued again).
 */
import { matchSchedulingEvent, NonDeterministicOrchestrationError } from './determinism';
import { HistoryEventType, type HistoryEvent } from './history-events';
import { describeAction, type OrchestratorAction } from './orchestrator-actions';
import { TIMER_LIMITS } from './replay';
import { nextRetryDelayMs, type RetryPolicy } from './retry';
import type { ScheduledOp } from './scheduled-op';

export interface HostReplayRequest {
  instanceId: string;
  actions: readonly OrchestratorAction[];
  /** Current execution's history including this episode's new events. */
  history: readonly HistoryEvent[];
  knownActivities: readonly string[];
  knownOrchestrators: readonly string[];
}

export type HostReplayResult =
  | {
      outcome: 'replayed';
      /** Issued but not yet in history: to be recorded and dispatched, in sequence order. */
      newOps: ScheduledOp[];
      /** False while the shim still awaits a top-level action; the orchestrator's result waits too. */
      replayFinished: boolean;
      continueAsNew?: { input: unknown };
      /** Timers the orchestrator cancelled: the host does not deliver them. */
      canceledTimerIds: number[];
      warnings: string[];
    }
  | { outcome: 'nonDeterministic'; error: NonDeterministicOrchestrationError }
  | { outcome: 'invalid'; message: string };

/** Raised while issuing an action the host would refuse (unknown function, unsupported API). */
class InvalidActionError extends Error {}

/** A .NET Task stand-in: settles once, runs continuations inline like DurableTask.Core's scheduler. */
class SimTask {
  done = false;
  private readonly continuations: Array<() => void> = [];

  settle(): void {
    if (this.done) return;
    this.done = true;
    for (const run of this.continuations.splice(0)) run();
  }

  then(run: () => void): void {
    if (this.done) run();
    else this.continuations.push(run);
  }
}

/** Default sub-orchestration instance id: deterministic per parent and sequence id. */
export function defaultSubOrchestrationId(parentInstanceId: string, sequenceId: number): string {
  return `${parentInstanceId}:${sequenceId.toString(16).padStart(4, '0')}`;
}

class ShimReplay {
  private nextId = 0;
  private nowMs = 0;
  private cursor = 0;
  private started = false;
  private finished = false;
  private continueAsNew: { input: unknown } | undefined;
  private readonly pending = new Map<number, ScheduledOp>();
  /** Open tasks by sequence id: called with true on success, false on failure. */
  private readonly open = new Map<number, (succeeded: boolean) => void>();
  private readonly eventWaiters = new Map<string, SimTask[]>();
  private readonly bufferedEvents = new Map<string, number>();
  private readonly seenSources = new Set<object>();
  private readonly canceledTimerIds: number[] = [];
  private readonly warnings: string[] = [];

  constructor(private readonly request: HostReplayRequest) {}

  run(): HostReplayResult {
    try {
      for (const event of this.request.history) this.process(event);
    } catch (error) {
      if (error instanceof NonDeterministicOrchestrationError) return { outcome: 'nonDeterministic', error };
      if (error instanceof InvalidActionError) return { outcome: 'invalid', message: error.message };
      throw error;
    }
    const result: HostReplayResult = {
      outcome: 'replayed',
      newOps: [...this.pending.values()].sort((a, b) => a.id - b.id),
      replayFinished: this.finished,
      canceledTimerIds: this.canceledTimerIds,
      warnings: this.warnings,
    };
    if (this.continueAsNew) result.continueAsNew = this.continueAsNew;
    return result;
  }

  private process(event: HistoryEvent): void {
    switch (event.EventType) {
      case HistoryEventType.OrchestratorStarted:
        this.nowMs = Date.parse(event.Timestamp);
        return;
      case HistoryEventType.ExecutionStarted:
        if (!this.started) {
          this.started = true;
          this.issueNext();
        }
        return;
      case HistoryEventType.TaskScheduled:
      case HistoryEventType.TimerCreated:
      case HistoryEventType.SubOrchestrationInstanceCreated:
      case HistoryEventType.EventSent:
        matchSchedulingEvent(this.pending, event);
        return;
      case HistoryEventType.TaskCompleted:
      case HistoryEventType.SubOrchestrationInstanceCompleted:
        this.complete(event.TaskScheduledId, true);
        return;
      case HistoryEventType.TimerFired:
        this.complete(event.TimerId, true);
        return;
      case HistoryEventType.TaskFailed:
      case HistoryEventType.SubOrchestrationInstanceFailed:
        this.complete(event.TaskScheduledId, false);
        return;
      case HistoryEventType.EventRaised:
        this.raise(event.Name);
        return;
      default:
        return;
    }
  }

  /** ProcessAsyncActionsV2: issue top-level actions in order, each awaited before the next. */
  private issueNext(): void {
    while (this.cursor < this.request.actions.length) {
      const action = this.request.actions[this.cursor++];
      if (action === undefined) break;
      const task = this.issue(action);
      if (!task.done) {
        task.then(() => this.issueNext());
        return;
      }
    }
    this.finished = true;
  }

  private complete(id: number, succeeded: boolean): void {
    // Unknown ids (cancelled timers, stale completions) are ignored, as DurableTask.Core does.
    const handler = this.open.get(id);
    if (handler === undefined) return;
    this.open.delete(id);
    handler(succeeded);
  }

  private raise(name: string): void {
    const waiter = this.eventWaiters.get(name)?.shift();
    if (waiter) waiter.settle();
    else this.bufferedEvents.set(name, (this.bufferedEvents.get(name) ?? 0) + 1);
  }

  private schedule(op: ScheduledOp, onResult: (succeeded: boolean) => void): void {
    this.pending.set(op.id, op);
    this.open.set(op.id, onResult);
  }

  private noteRelisted(action: OrchestratorAction): void {
    if (this.seenSources.has(action.source)) {
      this.warnings.push(
        `${describeAction(action)} was yielded again inside Task.all/Task.any after it was scheduled; ` +
          'the real host schedules it a second time and results can be mismatched ' +
          '(azure-functions-durable-js #485, #574). Yield the compound of fresh tasks only.',
      );
    }
    this.seenSources.add(action.source);
  }

  private requireFunction(kind: 'activity' | 'orchestrator', name: string): void {
    const known = kind === 'activity' ? this.request.knownActivities : this.request.knownOrchestrators;
    if (!known.includes(name)) {
      throw new InvalidActionError(
        `The function '${name}' doesn't exist, is disabled, or is not an ${kind} function. ` +
          `Known ${kind} functions: ${known.map((n) => `'${n}'`).join(', ') || 'none'}.`,
      );
    }
  }

  private issue(action: OrchestratorAction): SimTask {
    switch (action.type) {
      case 'CallActivity': {
        this.noteRelisted(action);
        this.requireFunction('activity', action.functionName);
        const task = new SimTask();
        const id = this.nextId++;
        this.schedule({ kind: 'activity', id, name: action.functionName, input: action.input }, () => task.settle());
        return task;
      }
      case 'CallActivityWithRetry':
        this.noteRelisted(action);
        this.requireFunction('activity', action.functionName);
        return this.withRetry(action.retry, (id) => ({
          kind: 'activity',
          id,
          name: action.functionName,
          input: action.input,
        }));
      case 'CallSubOrchestrator': {
        this.noteRelisted(action);
        this.requireFunction('orchestrator', action.functionName);
        const task = new SimTask();
        const id = this.nextId++;
        this.schedule(this.subOrchestration(action.functionName, action.instanceId, action.input, id), () =>
          task.settle(),
        );
        return task;
      }
      case 'CallSubOrchestratorWithRetry':
        this.noteRelisted(action);
        this.requireFunction('orchestrator', action.functionName);
        return this.withRetry(action.retry, (id) =>
          this.subOrchestration(action.functionName, action.instanceId, action.input, id),
        );
      case 'CreateTimer':
        this.noteRelisted(action);
        return this.timer(action.fireAtMs, action.isCanceled);
      case 'WaitForExternalEvent': {
        this.noteRelisted(action);
        const task = new SimTask();
        const buffered = this.bufferedEvents.get(action.eventName) ?? 0;
        if (buffered > 0) {
          this.bufferedEvents.set(action.eventName, buffered - 1);
          task.settle();
        } else {
          const waiters = this.eventWaiters.get(action.eventName) ?? [];
          waiters.push(task);
          this.eventWaiters.set(action.eventName, waiters);
        }
        return task;
      }
      case 'WhenAll': {
        // .NET Task.WhenAll: settles when every child has, even after a failure.
        const children = action.children.map((child) => this.issue(child));
        const task = new SimTask();
        let remaining = children.length;
        for (const child of children) child.then(() => (--remaining === 0 ? task.settle() : undefined));
        if (children.length === 0) task.settle();
        return task;
      }
      case 'WhenAny': {
        const children = action.children.map((child) => this.issue(child));
        const task = new SimTask();
        for (const child of children) child.then(() => task.settle());
        return task;
      }
      case 'ContinueAsNew': {
        this.continueAsNew = { input: action.input };
        const task = new SimTask();
        task.settle();
        return task;
      }
      case 'Unsupported':
        throw new InvalidActionError(`${action.name} is not supported by the local durable host.`);
    }
  }

  private subOrchestration(name: string, instanceId: string | undefined, input: unknown, id: number): ScheduledOp {
    return {
      kind: 'subOrchestration',
      id,
      name,
      instanceId: instanceId ?? defaultSubOrchestrationId(this.request.instanceId, id),
      input,
    };
  }

  /**
   * A durable timer. Beyond the maximum short timer the extension chains hops of the long-running
   * interval, each its own TimerCreated, exactly as the library's LongTimerTask tracks them.
   */
  private timer(finalFireAtMs: number, isCanceled: boolean): SimTask {
    const task = new SimTask();
    const hop = (): void => {
      const remaining = finalFireAtMs - this.nowMs;
      const fireAtMs =
        remaining > TIMER_LIMITS.maximumShortTimerMs
          ? this.nowMs + TIMER_LIMITS.longRunningTimerIntervalMs
          : finalFireAtMs;
      const id = this.nextId++;
      this.schedule({ kind: 'timer', id, fireAtMs }, () => (finalFireAtMs > this.nowMs ? hop() : task.settle()));
      if (isCanceled) {
        // The shim creates the timer, then cancels its token: the task ends now, the timer is abandoned.
        this.open.delete(id);
        this.canceledTimerIds.push(id);
        task.settle();
      }
    };
    hop();
    return task;
  }

  /** RetryInterceptor: attempt, and after each failure a durable timer (even after the last attempt). */
  private withRetry(policy: RetryPolicy, attemptOp: (id: number) => ScheduledOp): SimTask {
    const task = new SimTask();
    const firstAttemptMs = this.nowMs;
    let attemptIndex = 0;
    const attempt = (): void => {
      const id = this.nextId++;
      this.schedule(attemptOp(id), (succeeded) => (succeeded ? task.settle() : afterFailure()));
    };
    const afterFailure = (): void => {
      const delay = nextRetryDelayMs(policy, attemptIndex, firstAttemptMs, this.nowMs);
      if (delay <= 0) {
        this.warnings.push(
          'retry timeout elapsed: the host stops retrying without a retry timer, and the library keeps ' +
            'waiting for one, so the orchestration will not progress past this task (mirrors the real host).',
        );
        task.settle();
        return;
      }
      const timerId = this.nextId++;
      this.schedule({ kind: 'timer', id: timerId, fireAtMs: this.nowMs + delay }, () => {
        attemptIndex += 1;
        if (attemptIndex < policy.maxNumberOfAttempts) attempt();
        else task.settle();
      });
    };
    attempt();
    return task;
  }
}

export function replayOnHost(request: HostReplayRequest): HostReplayResult {
  return new ShimReplay(request).run();
}
