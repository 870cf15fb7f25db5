import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { count, makeHost, shape, T0 } from './helpers';

function squareOf(n: unknown): number {
  if (typeof n !== 'number') throw new Error('not a number');
  if (n < 0) throw new Error(`negative: ${n}`);
  return n * n;
}
const square: ActivityHandler = (n: unknown) => squareOf(n);

const fanOut: OrchestrationHandler = function* (context) {
  const inputs = context.df.getInput() as number[];
  const results: unknown = yield context.df.Task.all(inputs.map((n) => context.df.callActivity('square', n)));
  return results;
};

test('fan-out/fan-in: all activities scheduled in one episode, results in order', async () => {
  let concurrent = 0;
  let peak = 0;
  const slowSquare: ActivityHandler = async (n: unknown) => {
    concurrent += 1;
    peak = Math.max(peak, concurrent);
    await Promise.resolve();
    concurrent -= 1;
    return squareOf(n);
  };
  const { host } = makeHost({ fanOut }, { square: slowSquare }, { maxActivityConcurrency: 3 });
  const id = await host.startNew('fanOut', { input: [1, 2, 3, 4, 5] });
  const status = await host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Completed');
  assert.deepEqual(status.output, [1, 4, 9, 16, 25]);
  assert.equal(peak, 3, 'activities run concurrently up to maxActivityConcurrency');

  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  assert.deepEqual(shape(history).slice(0, 8), [
    'OrchestratorStarted',
    'ExecutionStarted:fanOut',
    'TaskScheduled:square',
    'TaskScheduled:square',
    'TaskScheduled:square',
    'TaskScheduled:square',
    'TaskScheduled:square',
    'OrchestratorCompleted',
  ]);
  assert.deepEqual(
    history?.filter((e) => e.EventType === 4).map((e) => e.EventId),
    [0, 1, 2, 3, 4],
  );
  assert.equal(count(history, 'TaskCompleted'), 5);
});

test('a failing child makes Task.all throw; the orchestrator can catch it', async () => {
  const guarded: OrchestrationHandler = function* (context) {
    try {
      yield context.df.Task.all([context.df.callActivity('square', 2), context.df.callActivity('square', -1)]);
      return 'no error';
    } catch (error) {
      return `caught: ${(error as Error).message}`;
    }
  };
  const { host } = makeHost({ guarded }, { square });
  const id = await host.startNew('guarded');
  const status = await host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Completed');
  assert.match(String(status.output), /^caught: Activity function 'square' failed: negative: -1/);
});

test('like the host, a caught Task.all failure only completes once every child has finished', async () => {
  // The library fails Task.all fast; the extension awaits .NET Task.WhenAll, which waits for all
  // children. Here the other child is a one-hour timer, so the result lands an hour later.
  const racer: OrchestrationHandler = function* (context) {
    const timer = context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 3_600_000));
    try {
      yield context.df.Task.all([context.df.callActivity('square', -5), timer]);
    } catch {
      return 'caught';
    }
    return 'not reached';
  };
  const { host, clock } = makeHost({ racer }, { square });
  const id = await host.startNew('racer');
  const summary = await host.runUntilIdle({ advanceClock: false });
  assert.deepEqual(summary.waitingForTimers, [id], 'the orchestrator already returned, but the host still waits');
  const status = await host.runUntilComplete(id);
  assert.equal(status.output, 'caught');
  assert.equal(clock.now(), T0 + 3_600_000);
});

test('yielding an already-scheduled task again inside Task.all is flagged (the host would reschedule it)', async () => {
  const warnings: string[] = [];
  const relister: OrchestrationHandler = function* (context) {
    const a = context.df.callActivity('square', 2);
    yield context.df.Task.any([a, context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 60_000))]);
    const results: unknown = yield context.df.Task.all([a, context.df.callActivity('square', 3)]);
    return results;
  };
  const { host } = makeHost({ relister }, { square }, { logger: { warn: (m) => warnings.push(m) } });
  const id = await host.startNew('relister');
  await host.runUntilIdle();
  assert.ok(warnings.some((w) => /yielded again inside Task\.all\/Task\.any/.test(w)), warnings.join('\n'));
  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  assert.equal(count(history, 'TaskScheduled'), 3, 'square(2) is scheduled a second time, as in Azure');
});
