/**
 * A single-process stand-in for the Functions host + Durable Task extension, for tests and the CLI.
 * Orchestrators replay on the durable-functions library's own engine (see replay.ts); this class is the
 * scheduler around it: it keeps each instance's history and inbox in a HistoryStore, runs activities
 * in-process, creates sub-orchestrations, and fires timers on a virtual clock.
 *
 * Work is always derived from persisted state (outstanding-work.ts), so a host built over the same
 * store after a crash resumes exactly: recorded completions are not redone, unrecorded ones are.
 */
import { randomUUID } from 'node:crypto';
import type { LogHandler } from '@azure/functions';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { completionEvent, runActivity, type ActivityOutcome } from './activity-runner';
import { executionStartedFor, runEpisode } from './episode';
import {
  HostCrashedError,
  InstanceAlreadyRunningError,
  InstanceNotCompletedError,
  InstanceNotFoundError,
  InstanceNotRunningError,
  SimulatedCrashError,
  UnknownFunctionError,
} from './errors';
import { events, jsonRoundTrip, type HistoryEvent } from './history-events';
import { InMemoryHistoryStore, type HistoryStore } from './history-store';
import {
  emptyMetrics,
  isTerminal,
  toStatus,
  type InstanceRecord,
  type InstanceStatus,
  type ParentLink,
  type RuntimeStatus,
} from './instance-record';
import {
  outstandingWork,
  type OutstandingActivity,
  type OutstandingSubOrchestration,
  type OutstandingTimer,
  type OutstandingWork,
} from './outstanding-work';
import { classifyInstances, describeWait, type RunSummary } from './run-summary';
import { invocationLogHandler, type HostLogger } from './host-logger';
import type { HostClock } from './virtual-clock';

export type { HostLogger } from './host-logger';
export type { RunSummary } from './run-summary';

export interface LocalDurableHostOptions {
  /** Same handlers as `df.app.orchestration(name, handler)`. */
  orchestrators: Record<string, OrchestrationHandler>;
  /** Same handlers as `df.app.activity(name, { handler })`. */
  activities: Record<string, ActivityHandler>;
  /** Orchestrator time; with advanceTo, the host fires timers by moving it when nothing else can run. */
  clock: HostClock;
  /** Defaults to an in-memory store; FileHistoryStore persists across hosts. */
  historyStore?: HistoryStore;
  /** Activities run concurrently per step, up to this many (default 8). */
  maxActivityConcurrency?: number;
  logger?: HostLogger;
  /** Crash simulation: stop abruptly right after persisting a step that recorded a matching event. */
  crashAfter?: (event: HistoryEvent, instanceId: string) => boolean;
}

export interface StartOptions {
  instanceId?: string;
  input?: unknown;
}

export interface RunOptions {
  /** Units of work before giving up (default 10 000). */
  maxSteps?: number;
  /** Advance the virtual clock to the next timer when only timers are left (default true). */
  advanceClock?: boolean;
}

export type StepKind = 'sub-orchestration-created' | 'sub-orchestration-result' | 'episode' | 'activities' | 'timers';

export interface StepReport {
  kind: StepKind;
  instanceIds: string[];
}

interface ActivityWork {
  record: InstanceRecord;
  executionId: string;
  activity: OutstandingActivity;
}

function newId(): string {
  return randomUUID().replace(/-/g, '');
}

export class LocalDurableHost {
  private readonly store: HistoryStore;
  private readonly records = new Map<string, InstanceRecord>();
  private readonly maxActivityConcurrency: number;
  private readonly reportedWarnings = new Set<string>();
  private readonly failureLog: Array<{ instanceId: string; error: Error }> = [];
  private readonly workCache = new WeakMap<InstanceRecord, { key: string; work: OutstandingWork }>();
  private loading: Promise<void> | undefined;
  private nextSeq = 0;
  private steps = 0;
  private crashAtStep: number | undefined;
  private crashed = false;

  constructor(private readonly options: LocalDurableHostOptions) {
    this.store = options.historyStore ?? new InMemoryHistoryStore();
    this.maxActivityConcurrency = Math.max(1, options.maxActivityConcurrency ?? 8);
  }

  /** Persisted steps so far (instance writes); the unit of stopAfterSteps and crashAfter. */
  get persistedSteps(): number {
    return this.steps;
  }

  /** Crash (throw SimulatedCrashError, then refuse all calls) right after the n-th step persisted from now. */
  stopAfterSteps(n: number): void {
    this.crashAtStep = this.steps + n;
  }

  /** Loads the store and returns the instances that still have work to do. */
  async resume(): Promise<string[]> {
    await this.ready();
    return this.ordered()
      .filter((r) => !isTerminal(r.runtimeStatus))
      .map((r) => r.instanceId);
  }

  /** Like the Durable client: throws InstanceAlreadyRunningError if the id is Pending/Running. */
  async startNew(orchestratorName: string, options: StartOptions = {}): Promise<string> {
    await this.ready();
    if (!(orchestratorName in this.options.orchestrators)) throw new UnknownFunctionError(orchestratorName, 'orchestrator');
    const instanceId = options.instanceId ?? newId();
    const existing = this.records.get(instanceId);
    if (existing && !isTerminal(existing.runtimeStatus)) {
      throw new InstanceAlreadyRunningError(instanceId, existing.runtimeStatus);
    }
    // Finished instances are replaced, as the Durable client does by default.
    const record = this.newRecord(orchestratorName, instanceId, options.input, undefined, existing?.seq);
    await this.persist(record, record.inbox);
    return instanceId;
  }

  /** Singleton start: the running instance's id if there is one, otherwise a new instance. */
  async startOrGet(orchestratorName: string, options: StartOptions = {}): Promise<{ instanceId: string; started: boolean }> {
    await this.ready();
    const existing = options.instanceId === undefined ? undefined : this.records.get(options.instanceId);
    if (existing && !isTerminal(existing.runtimeStatus)) return { instanceId: existing.instanceId, started: false };
    return { instanceId: await this.startNew(orchestratorName, options), started: true };
  }

  async raiseEvent(instanceId: string, eventName: string, data?: unknown): Promise<void> {
    const record = await this.require(instanceId);
    if (isTerminal(record.runtimeStatus)) throw new InstanceNotRunningError(instanceId, record.runtimeStatus);
    const event = events.eventRaised(this.options.clock.now(), eventName, data);
    record.inbox.push(event);
    await this.persist(record, [event]);
  }

  /** Ends the instance as Terminated with `reason` as output; a finished instance is left alone. */
  async terminate(instanceId: string, reason?: string): Promise<void> {
    const record = await this.require(instanceId);
    if (isTerminal(record.runtimeStatus)) return;
    const now = this.options.clock.now();
    const recorded = [
      events.orchestratorStarted(now),
      events.executionTerminated(now, reason),
      events.executionCompleted(now, 'Terminated', reason),
    ];
    record.history.push(...recorded);
    record.inbox = [];
    record.runtimeStatus = 'Terminated';
    record.output = reason ?? null;
    record.lastUpdatedTime = now;
    record.metrics.totalHistoryEvents += recorded.length;
    await this.persist(record, recorded);
  }

  async getStatus(instanceId: string, options: { showHistory?: boolean } = {}): Promise<InstanceStatus | undefined> {
    await this.ready();
    const record = this.records.get(instanceId);
    return record && toStatus(record, options.showHistory === true);
  }

  async listInstances(): Promise<InstanceStatus[]> {
    await this.ready();
    return this.ordered().map((r) => toStatus(r, false));
  }

  /** One unit of work; undefined when there is nothing left to do (under `advanceClock`). */
  async step(options: { advanceClock?: boolean } = {}): Promise<StepReport | undefined> {
    await this.ready();
    return (
      (await this.progressSubOrchestrations()) ??
      (await this.runNextEpisode()) ??
      (await this.runActivityBatch()) ??
      (await this.fireTimers(options.advanceClock !== false))
    );
  }

  async runUntilIdle(options: RunOptions = {}): Promise<RunSummary> {
    await this.ready();
    const maxSteps = options.maxSteps ?? 10_000;
    const failuresBefore = this.failureLog.length;
    const tally = { episodes: 0, activitiesExecuted: 0, timersFired: 0 };
    let steps = 0;
    let stoppedBecause: RunSummary['stoppedBecause'] = 'maxSteps';
    while (steps < maxSteps) {
      const report = await this.step(options);
      if (report === undefined) {
        stoppedBecause = 'idle';
        break;
      }
      steps += 1;
      if (report.kind === 'episode') tally.episodes += 1;
      if (report.kind === 'activities') tally.activitiesExecuted += report.instanceIds.length;
      if (report.kind === 'timers') tally.timersFired += report.instanceIds.length;
    }
    return {
      steps,
      stoppedBecause,
      ...tally,
      ...classifyInstances(this.ordered(), (r) => this.work(r)),
      failures: this.failureLog.slice(failuresBefore),
      now: this.options.clock.now(),
    };
  }

  /** Runs until the instance is Completed, Failed or Terminated; throws if it cannot get there. */
  async runUntilComplete(instanceId: string, options: RunOptions = {}): Promise<InstanceStatus> {
    return this.waitForStatus(instanceId, (s) => isTerminal(s.runtimeStatus), options);
  }

  /** Steps until `wanted` holds for the instance's status; throws InstanceNotCompletedError if work runs out. */
  async waitForStatus(
    instanceId: string,
    wanted: RuntimeStatus | readonly RuntimeStatus[] | ((status: InstanceStatus) => boolean),
    options: RunOptions = {},
  ): Promise<InstanceStatus> {
    const predicate =
      typeof wanted === 'function'
        ? wanted
        : (s: InstanceStatus) => (typeof wanted === 'string' ? [wanted] : wanted).includes(s.runtimeStatus);
    const maxSteps = options.maxSteps ?? 10_000;
    for (let steps = 0; ; steps += 1) {
      const record = await this.require(instanceId);
      const status = toStatus(record, false);
      if (predicate(status)) return status;
      if (steps >= maxSteps) {
        throw new InstanceNotCompletedError(instanceId, record.runtimeStatus, `not there after ${maxSteps} steps`);
      }
      if ((await this.step(options)) === undefined) {
        throw new InstanceNotCompletedError(instanceId, record.runtimeStatus, describeWait(this.work(record)));
      }
    }
  }

  // ---- work discovery, in the order a step picks it ----

  /** Creates children the parents scheduled, and hands finished children's results to their parents. */
  private async progressSubOrchestrations(): Promise<StepReport | undefined> {
    for (const parent of this.ordered()) {
      if (isTerminal(parent.runtimeStatus)) continue;
      for (const sub of this.work(parent).subOrchestrations) {
        const child = this.records.get(sub.instanceId);
        const link = child?.parent;
        const linked =
          link !== undefined &&
          link.instanceId === parent.instanceId &&
          link.executionId === parent.executionId &&
          link.taskScheduledId === sub.id;
        if (child !== undefined && linked) {
          if (!isTerminal(child.runtimeStatus)) continue;
          await this.deliverChildResult(parent, sub.id, child);
          return { kind: 'sub-orchestration-result', instanceIds: [parent.instanceId] };
        }
        if (child !== undefined && !isTerminal(child.runtimeStatus)) {
          this.warn(`sub-orchestration instance '${sub.instanceId}' is already running; failing the call`, parent);
          const event = events.subOrchestrationFailed(
            this.options.clock.now(),
            sub.id,
            `An orchestration with instance ID '${sub.instanceId}' already exists and is ${child.runtimeStatus}.`,
            '',
          );
          parent.inbox.push(event);
          await this.persist(parent, [event]);
          return { kind: 'sub-orchestration-result', instanceIds: [parent.instanceId] };
        }
        await this.createChild(parent, sub, child?.seq);
        return { kind: 'sub-orchestration-created', instanceIds: [sub.instanceId] };
      }
    }
    return undefined;
  }

  private async runNextEpisode(): Promise<StepReport | undefined> {
    const record = this.ordered().find((r) => !isTerminal(r.runtimeStatus) && r.inbox.length > 0);
    if (record === undefined) return undefined;
    const handler = this.options.orchestrators[record.name];
    const report = await runEpisode({
      record,
      handler: handler ?? missingOrchestrator(record.name),
      nowMs: this.options.clock.now(),
      knownActivities: Object.keys(this.options.activities),
      knownOrchestrators: Object.keys(this.options.orchestrators),
      invocationId: newId(),
      newExecutionId: newId,
      logHandler: this.logHandler(record.instanceId),
    });
    for (const warning of report.warnings) this.warn(warning, record);
    if (report.failure) {
      this.failureLog.push({ instanceId: record.instanceId, error: report.failure });
      this.log('warn', `instance ${record.instanceId} failed: ${report.failure.message}`);
    }
    await this.persist(record, report.recorded);
    return { kind: 'episode', instanceIds: [record.instanceId] };
  }

  private async runActivityBatch(): Promise<StepReport | undefined> {
    const batch: ActivityWork[] = [];
    for (const record of this.ordered()) {
      for (const activity of this.work(record).activities) {
        if (batch.length < this.maxActivityConcurrency) batch.push({ record, executionId: record.executionId, activity });
      }
    }
    if (batch.length === 0) return undefined;
    const outcomes = await Promise.all(batch.map((work) => this.execute(work)));
    // Completions are recorded one instance write at a time, in batch order: a crash in between
    // leaves later activities executed but unrecorded, so they run again on resume (at-least-once).
    for (const [index, work] of batch.entries()) {
      const outcome = outcomes[index];
      if (outcome === undefined) continue;
      const record = work.record;
      if (isTerminal(record.runtimeStatus) || record.executionId !== work.executionId) continue;
      const event = completionEvent(outcome, work.activity.id, this.options.clock.now());
      record.inbox.push(event);
      await this.persist(record, [event]);
    }
    return { kind: 'activities', instanceIds: batch.map((w) => w.record.instanceId) };
  }

  private async execute(work: ActivityWork): Promise<ActivityOutcome> {
    const handler = this.options.activities[work.activity.name];
    work.record.metrics.activityExecutions += 1;
    if (handler === undefined) {
      const message = new UnknownFunctionError(work.activity.name, 'activity').message;
      return { ok: false, reason: `Activity function '${work.activity.name}' failed: ${message}`, details: message };
    }
    return runActivity({
      handler,
      name: work.activity.name,
      input: jsonRoundTrip(work.activity.input),
      instanceId: work.record.instanceId,
      taskScheduledId: work.activity.id,
      invocationId: newId(),
      logHandler: this.logHandler(work.record.instanceId),
    });
  }

  /** Fires due timers; if none is due and `advance`, moves the clock to the earliest one first. */
  private async fireTimers(advance: boolean): Promise<StepReport | undefined> {
    const pending: Array<{ record: InstanceRecord; timer: OutstandingTimer }> = [];
    for (const record of this.ordered()) {
      for (const timer of this.work(record).timers) pending.push({ record, timer });
    }
    if (pending.length === 0) return undefined;
    const clock = this.options.clock;
    if (!pending.some((p) => p.timer.fireAtMs <= clock.now())) {
      if (!advance || clock.advanceTo === undefined) return undefined;
      clock.advanceTo(Math.min(...pending.map((p) => p.timer.fireAtMs)));
    }
    const now = clock.now();
    const fired: string[] = [];
    for (const record of this.ordered()) {
      const due = pending.filter((p) => p.record === record && p.timer.fireAtMs <= now);
      if (due.length === 0) continue;
      const recorded = due.map((p) => events.timerFired(now, p.timer.id, p.timer.fireAtMs));
      record.inbox.push(...recorded);
      await this.persist(record, recorded);
      fired.push(...due.map(() => record.instanceId));
    }
    return { kind: 'timers', instanceIds: fired };
  }

  // ---- helpers ----

  private async createChild(parent: InstanceRecord, sub: OutstandingSubOrchestration, seq: number | undefined): Promise<void> {
    const link: ParentLink = {
      instanceId: parent.instanceId,
      executionId: parent.executionId,
      taskScheduledId: sub.id,
      name: parent.name,
    };
    const child = this.newRecord(sub.name, sub.instanceId, sub.input, link, seq);
    await this.persist(child, child.inbox);
  }

  private async deliverChildResult(parent: InstanceRecord, taskScheduledId: number, child: InstanceRecord): Promise<void> {
    const now = this.options.clock.now();
    const event =
      child.runtimeStatus === 'Completed'
        ? events.subOrchestrationCompleted(now, taskScheduledId, JSON.stringify(child.output ?? null))
        : events.subOrchestrationFailed(
            now,
            taskScheduledId,
            child.failure?.message ??
              `Orchestration '${child.instanceId}' was ${child.runtimeStatus.toLowerCase()}: ${String(child.output)}`,
            child.failure?.errorType ?? child.runtimeStatus,
          );
    parent.inbox.push(event);
    await this.persist(parent, [event]);
  }

  private newRecord(
    name: string,
    instanceId: string,
    input: unknown,
    parent: ParentLink | undefined,
    seq: number | undefined,
  ): InstanceRecord {
    const now = this.options.clock.now();
    const record: InstanceRecord = {
      seq: seq ?? this.nextSeq++,
      instanceId,
      name,
      executionId: newId(),
      runtimeStatus: 'Pending',
      input: jsonRoundTrip(input),
      output: null,
      customStatus: null,
      createdTime: now,
      lastUpdatedTime: now,
      history: [],
      inbox: [],
      canceledTimerIds: [],
      metrics: emptyMetrics(),
    };
    if (parent) record.parent = parent;
    record.inbox.push(executionStartedFor(record, now));
    this.records.set(instanceId, record);
    return record;
  }

  private async persist(record: InstanceRecord, recorded: readonly HistoryEvent[]): Promise<void> {
    this.assertAlive();
    record.metrics.historyEvents = record.history.length;
    await this.store.save(record);
    this.steps += 1;
    const crashAfter = this.options.crashAfter;
    const hit =
      (this.crashAtStep !== undefined && this.steps >= this.crashAtStep) ||
      (crashAfter !== undefined && recorded.some((event) => crashAfter(event, record.instanceId)));
    if (hit) {
      this.crashed = true;
      throw new SimulatedCrashError(this.steps);
    }
  }

  private async ready(): Promise<void> {
    this.assertAlive();
    this.loading ??= this.store.loadAll().then((records) => {
      for (const record of records) {
        this.records.set(record.instanceId, record);
        this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
      }
    });
    await this.loading;
  }

  private assertAlive(): void {
    if (this.crashed) throw new HostCrashedError();
  }

  private async require(instanceId: string): Promise<InstanceRecord> {
    await this.ready();
    const record = this.records.get(instanceId);
    if (record === undefined) throw new InstanceNotFoundError(instanceId);
    return record;
  }

  /**
   * Outstanding work, re-derived only when the record changed: history and inbox only grow between
   * episodes, and an episode empties the inbox while growing history, so their lengths key the cache.
   */
  private work(record: InstanceRecord): OutstandingWork {
    const key = [
      record.executionId,
      record.runtimeStatus,
      record.history.length,
      record.inbox.length,
      record.canceledTimerIds.join(','),
    ].join('|');
    const cached = this.workCache.get(record);
    if (cached?.key === key) return cached.work;
    const work = outstandingWork(record);
    this.workCache.set(record, { key, work });
    return work;
  }

  private ordered(): InstanceRecord[] {
    return [...this.records.values()].sort((a, b) => a.seq - b.seq);
  }

  private warn(message: string, record: InstanceRecord): void {
    const key = `${record.instanceId}\u0000${message}`;
    if (this.reportedWarnings.has(key)) return;
    this.reportedWarnings.add(key);
    this.log('warn', message, { instanceId: record.instanceId });
  }

  private log(level: keyof HostLogger, message: string, data?: Record<string, unknown>): void {
    this.options.logger?.[level]?.(message, data);
  }

  private logHandler(instanceId: string): LogHandler {
    return invocationLogHandler(this.options.logger, instanceId);
  }
}

/** A persisted instance whose orchestrator is not registered in this host: fail it like the host would. */
function missingOrchestrator(name: string): OrchestrationHandler {
  return function* () {
    throw new UnknownFunctionError(name, 'orchestrator');
  };
}
