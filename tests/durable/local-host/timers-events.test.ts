import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OrchestrationHandler } from 'durable-functions';
import { count, makeHost, T0 } from './helpers';

const HOUR = 3_600_000;

const approval: OrchestrationHandler = function* (context) {
  const deadline = new Date(context.df.currentUtcDateTime.getTime() + 24 * HOUR);
  const timeout = context.df.createTimer(deadline);
  const decision = context.df.waitForExternalEvent('approval');
  const winner: unknown = yield context.df.Task.any([decision, timeout]);
  if (winner === decision) {
    timeout.cancel();
    return { outcome: 'decided', decision: decision.result, at: context.df.currentUtcDateTime.getTime() - T0 };
  }
  return { outcome: 'timed-out', at: context.df.currentUtcDateTime.getTime() - T0 };
};

test('timer vs event race: the event wins and the cancelled timer never fires', async () => {
  const { host, clock } = makeHost({ approval }, {});
  const id = await host.startNew('approval');
  const idle = await host.runUntilIdle({ advanceClock: false });
  assert.deepEqual(idle.waitingForTimers, [id]);
  assert.equal((await host.getStatus(id))?.runtimeStatus, 'Running');

  clock.advanceBy(HOUR);
  await host.raiseEvent(id, 'approval', { approved: true, approver: 'alice' });
  const summary = await host.runUntilIdle();
  const status = await host.getStatus(id, { showHistory: true });
  assert.equal(status?.runtimeStatus, 'Completed');
  assert.deepEqual(status?.output, { outcome: 'decided', decision: { approved: true, approver: 'alice' }, at: HOUR });
  assert.equal(summary.timersFired, 0);
  assert.equal(clock.now(), T0 + HOUR, 'the clock was not advanced to the cancelled timer');
  assert.equal(count(status?.history, 'TimerFired'), 0);
});

test('timer vs event race: the timer wins when no event comes', async () => {
  const { host, clock } = makeHost({ approval }, {});
  const id = await host.startNew('approval');
  const status = await host.runUntilComplete(id);
  assert.deepEqual(status.output, { outcome: 'timed-out', at: 24 * HOUR });
  assert.equal(clock.now(), T0 + 24 * HOUR);
  await assert.rejects(host.raiseEvent(id, 'approval', {}), { name: 'InstanceNotRunningError' });
});

test('an event raised before the orchestrator waits for it is buffered', async () => {
  const { host } = makeHost({ approval }, {});
  const id = await host.startNew('approval');
  await host.raiseEvent(id, 'approval', 'early');
  const status = await host.runUntilComplete(id);
  assert.deepEqual(status.output, { outcome: 'decided', decision: 'early', at: 0 });
});

test('timers beyond six days are split into hops like the host, and land on time', async () => {
  const sleeper: OrchestrationHandler = function* (context) {
    yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 10 * 24 * HOUR));
    return context.df.currentUtcDateTime.getTime() - T0;
  };
  const { host } = makeHost({ sleeper }, {});
  const id = await host.startNew('sleeper');
  const status = await host.runUntilComplete(id);
  assert.equal(status.output, 10 * 24 * HOUR);
  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  assert.equal(count(history, 'TimerCreated'), 3, '3 days, 3 more days, then the last 4');
});

test('waitForStatus and runUntilComplete explain what an instance is waiting for', async () => {
  const { host } = makeHost({ approval }, {});
  const id = await host.startNew('approval');
  await assert.rejects(host.runUntilComplete(id, { advanceClock: false }), /only timers are pending/);
  const running = await host.waitForStatus(id, 'Running');
  assert.equal(running.runtimeStatus, 'Running');
});
