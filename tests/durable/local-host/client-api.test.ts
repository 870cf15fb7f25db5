import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import {
  InstanceAlreadyRunningError,
  InstanceNotFoundError,
  UnknownFunctionError,
} from '../../../src/durable/local-host/errors';
import { count, makeHost } from './helpers';

const echo: ActivityHandler = (x: unknown) => x;

const gate: OrchestrationHandler = function* (context) {
  const value: unknown = yield context.df.waitForExternalEvent('open');
  const echoed: unknown = yield context.df.callActivity('echo', value);
  return { input: context.df.getInput(), echoed };
};

test('startNew throws for a running instance id; startOrGet returns the existing instance', async () => {
  const { host } = makeHost({ gate }, { echo });
  const id = await host.startNew('gate', { instanceId: 'singleton', input: 'first' });
  await host.runUntilIdle();

  await assert.rejects(host.startNew('gate', { instanceId: 'singleton', input: 'second' }), InstanceAlreadyRunningError);
  const again = await host.startOrGet('gate', { instanceId: 'singleton', input: 'second' });
  assert.deepEqual(again, { instanceId: id, started: false });
  assert.equal((await host.listInstances()).length, 1);

  await host.raiseEvent(id, 'open', 'go');
  const status = await host.runUntilComplete(id);
  assert.deepEqual(status.output, { input: 'first', echoed: 'go' });

  // A finished instance id can be reused; startOrGet then starts afresh.
  const restarted = await host.startOrGet('gate', { instanceId: 'singleton', input: 'second' });
  assert.deepEqual(restarted, { instanceId: id, started: true });
  const fresh = await host.getStatus(id, { showHistory: true });
  assert.equal(fresh?.runtimeStatus, 'Pending');
  assert.equal(fresh?.input, 'second');
  assert.equal(fresh?.history?.length, 0);
});

test('terminate ends a running instance with the reason as output; events are then refused', async () => {
  const { host } = makeHost({ gate }, { echo });
  const id = await host.startNew('gate');
  await host.runUntilIdle();
  await host.terminate(id, 'no longer needed');
  const status = await host.getStatus(id, { showHistory: true });
  assert.equal(status?.runtimeStatus, 'Terminated');
  assert.equal(status?.output, 'no longer needed');
  assert.equal(count(status?.history, 'ExecutionTerminated'), 1);
  await assert.rejects(host.raiseEvent(id, 'open', 1), /no longer accepts events/);
  await host.terminate(id, 'again'); // a no-op on a finished instance
  assert.equal((await host.getStatus(id))?.output, 'no longer needed');
  const summary = await host.runUntilIdle();
  assert.deepEqual(summary.terminated, [id]);
});

test('unknown instances and orchestrators are reported with typed errors', async () => {
  const { host } = makeHost({ gate }, { echo });
  await assert.rejects(host.raiseEvent('missing', 'open'), InstanceNotFoundError);
  await assert.rejects(host.terminate('missing'), InstanceNotFoundError);
  await assert.rejects(host.startNew('nope'), UnknownFunctionError);
  assert.equal(await host.getStatus('missing'), undefined);
});

test('runUntilIdle summarises what every instance is doing', async () => {
  const { host } = makeHost({ gate }, { echo });
  const waiting = await host.startNew('gate', { instanceId: 'w' });
  const done = await host.startNew('gate', { instanceId: 'd' });
  await host.raiseEvent(done, 'open', 1);
  const summary = await host.runUntilIdle();
  assert.equal(summary.stoppedBecause, 'idle');
  assert.deepEqual(summary.completed, [done]);
  assert.deepEqual(summary.waitingForEvents, [waiting]);
  assert.equal(summary.activitiesExecuted, 1);
  assert.ok(summary.episodes >= 3);

  const limited = await host.runUntilIdle({ maxSteps: 0 });
  assert.equal(limited.stoppedBecause, 'maxSteps');
});

test('orchestrator and activity context.log calls reach the host logger', async () => {
  const lines: string[] = [];
  const chatty: OrchestrationHandler = function* (context) {
    if (!context.df.isReplaying) context.log('orchestrator says hi');
    yield context.df.callActivity('talk');
    return 'ok';
  };
  const talk: ActivityHandler = (_input: unknown, context) => {
    context.warn('activity warns');
    return null;
  };
  const { host } = makeHost({ chatty }, { talk }, {
    logger: { info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) },
  });
  await host.startNew('chatty');
  await host.runUntilIdle();
  assert.deepEqual(lines, ['info orchestrator says hi', 'warn activity warns']);
});
