import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { NonDeterministicOrchestrationError } from '../../../src/durable/local-host/determinism';
import { makeHost } from './helpers';

const echo: ActivityHandler = (x: unknown) => x;

test('branching on a module-level counter across replays is caught as non-deterministic', async () => {
  let replays = 0;
  const drifting: OrchestrationHandler = function* (context) {
    replays += 1;
    // First episode schedules 'first'; on replay the code takes the other branch.
    const name = replays === 1 ? 'first' : 'second';
    yield context.df.callActivity(name, replays);
    return 'unreachable';
  };
  const { host } = makeHost({ drifting }, { first: echo, second: echo });
  const id = await host.startNew('drifting');
  const summary = await host.runUntilIdle();

  const status = await host.getStatus(id);
  assert.equal(status?.runtimeStatus, 'Failed');
  assert.match(String(status?.output), /^Non-Deterministic workflow detected: /);
  assert.equal(status?.failure?.errorType, 'NonDeterministicOrchestrationError');
  assert.equal(status?.failure?.expected, "TaskScheduled 'first' (sequence 0)");
  assert.equal(status?.failure?.actual, "CallActivity 'second' (sequence 0)");
  const error = summary.failures[0]?.error;
  assert.ok(error instanceof NonDeterministicOrchestrationError);
  assert.equal(error.sequenceId, 0);
});

test('branching on Math.random() is caught once a replay takes another path', async () => {
  const original = Math.random;
  const values = [0.9, 0.1];
  Math.random = () => values.shift() ?? 0.1;
  try {
    const gambler: OrchestrationHandler = function* (context) {
      if (Math.random() > 0.5) {
        yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 1000));
      }
      yield context.df.callActivity('echo', 'after');
      return 'unreachable';
    };
    const { host } = makeHost({ gambler }, { echo });
    const id = await host.startNew('gambler');
    await host.runUntilIdle();
    const status = await host.getStatus(id);
    assert.equal(status?.runtimeStatus, 'Failed');
    assert.match(String(status?.output), /Non-Deterministic workflow detected: history has TimerCreated/);
    assert.equal(status?.failure?.actual, "CallActivity 'echo' (sequence 0)");
  } finally {
    Math.random = original;
  }
});

test('an orchestrator that stops scheduling what history recorded is caught too', async () => {
  let replays = 0;
  const shrinking: OrchestrationHandler = function* (context) {
    replays += 1;
    if (replays === 1) yield context.df.Task.all([context.df.callActivity('echo', 1), context.df.callActivity('echo', 2)]);
    else yield context.df.callActivity('echo', 1);
    return 'unreachable';
  };
  const { host } = makeHost({ shrinking }, { echo });
  const id = await host.startNew('shrinking');
  await host.runUntilIdle();
  const status = await host.getStatus(id);
  assert.equal(status?.failure?.expected, "TaskScheduled 'echo' (sequence 1)");
  assert.equal(status?.failure?.actual, 'nothing');
});

test('deterministic code that reads time and guids from the context replays cleanly', async () => {
  const careful: OrchestrationHandler = function* (context) {
    const guid = context.df.newGuid(context.df.instanceId);
    const when = context.df.currentUtcDateTime.toISOString();
    yield context.df.callActivity('echo', { guid, when });
    yield context.df.createTimer(new Date(context.df.currentUtcDateTime.getTime() + 5000));
    const again: unknown = yield context.df.callActivity('echo', { guid, when });
    return again;
  };
  const { host } = makeHost({ careful }, { echo });
  const id = await host.startNew('careful');
  const status = await host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Completed');
  assert.equal(status.metrics.replays, 4);
});
