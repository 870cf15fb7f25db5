import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as df from 'durable-functions';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { HistoryEventType, type HistoryEvent } from '../../../src/durable/local-host/history-events';
import { count, makeHost, shape, T0 } from './helpers';

function retryOptions(first: number, attempts: number, backoff?: number, maxInterval?: number): df.RetryOptions {
  const options = new df.RetryOptions(first, attempts);
  if (backoff !== undefined) options.backoffCoefficient = backoff;
  if (maxInterval !== undefined) options.maxRetryIntervalInMilliseconds = maxInterval;
  return options;
}

function timerFireTimes(history: readonly HistoryEvent[] | undefined): number[] {
  return (history ?? []).flatMap((e) => (e.EventType === HistoryEventType.TimerCreated ? [Date.parse(e.FireAt) - T0] : []));
}

test('callActivityWithRetry: fails twice, then succeeds; retry timers back off on the virtual clock', async () => {
  let attempts = 0;
  const flaky: ActivityHandler = () => {
    attempts += 1;
    if (attempts <= 2) throw new Error(`transient ${attempts}`);
    return `ok after ${attempts}`;
  };
  const retrying: OrchestrationHandler = function* (context) {
    const result: unknown = yield context.df.callActivityWithRetry('flaky', retryOptions(1000, 5, 2), 'x');
    return { result, at: context.df.currentUtcDateTime.getTime() - T0 };
  };
  const { host, clock } = makeHost({ retrying }, { flaky });
  const id = await host.startNew('retrying');
  const status = await host.runUntilComplete(id);

  assert.equal(status.runtimeStatus, 'Completed');
  assert.deepEqual(status.output, { result: 'ok after 3', at: 3000 });
  assert.equal(attempts, 3);
  assert.equal(clock.now(), T0 + 3000, 'first retry after 1s, second after 2s');
  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  assert.deepEqual(timerFireTimes(history), [1000, 3000]);
  assert.equal(count(history, 'TaskScheduled'), 3);
  assert.equal(count(history, 'TaskFailed'), 2);
  // Sequence ids interleave attempts and retry timers, as the library's RetryableTask expects.
  assert.deepEqual(
    history?.filter((e) => e.EventType === HistoryEventType.TaskScheduled || e.EventType === HistoryEventType.TimerCreated).map((e) => e.EventId),
    [0, 1, 2, 3, 4],
  );
});

test('callActivityWithRetry: gives up after maxNumberOfAttempts, caps the interval, error is catchable', async () => {
  let attempts = 0;
  const broken: ActivityHandler = () => {
    attempts += 1;
    throw new Error('always broken');
  };
  const giveUp: OrchestrationHandler = function* (context) {
    try {
      yield context.df.callActivityWithRetry('broken', retryOptions(1000, 3, 10, 5000));
      return 'unexpected';
    } catch (error) {
      return (error as Error).message;
    }
  };
  const { host, clock } = makeHost({ giveUp }, { broken });
  const id = await host.startNew('giveUp');
  const status = await host.runUntilComplete(id);
  assert.equal(attempts, 3);
  assert.match(String(status.output), /Activity function 'broken' failed: always broken/);
  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  // 1s, then 10s capped to 5s, then the host's timer after the last attempt (also capped).
  assert.deepEqual(timerFireTimes(history), [1000, 6000, 11000]);
  assert.equal(clock.now(), T0 + 11000);
});

test('retry of a sub-orchestration: each attempt is a new child instance', async () => {
  let runs = 0;
  const child: OrchestrationHandler = function* () {
    runs += 1;
    if (runs === 1) throw new Error('child failed once');
    return 'child ok';
  };
  const parent: OrchestrationHandler = function* (context) {
    const result: unknown = yield context.df.callSubOrchestratorWithRetry('child', retryOptions(500, 3), 'in');
    return result;
  };
  const { host } = makeHost({ parent, child }, {});
  const id = await host.startNew('parent', { instanceId: 'p' });
  const status = await host.runUntilComplete(id);
  assert.equal(status.output, 'child ok');
  const instances = await host.listInstances();
  assert.deepEqual(
    instances.map((s) => [s.instanceId, s.runtimeStatus]),
    [
      ['p', 'Completed'],
      ['p:0000', 'Failed'],
      ['p:0002', 'Completed'],
    ],
  );
  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  assert.ok(shape(history).includes('SubOrchestrationInstanceCreated:child'));
  assert.equal(count(history, 'SubOrchestrationInstanceFailed'), 1);
});
