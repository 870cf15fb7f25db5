import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { makeHost, shape, T0 } from './helpers';

const greet: ActivityHandler = (input: unknown) => `hello ${JSON.stringify(input)}`;

const chain: OrchestrationHandler = function* (context) {
  const input: unknown = context.df.getInput();
  const first: unknown = yield context.df.callActivity('greet', 'plain string');
  const second: unknown = yield context.df.callActivity('greet', { nested: input });
  return {
    first,
    second,
    startedAt: context.df.currentUtcDateTime.toISOString(),
    guid: context.df.newGuid(context.df.instanceId),
  };
};

test('activity chain: results flow through, history has the host shape', async () => {
  const { host } = makeHost({ chain }, { greet });
  const id = await host.startNew('chain', { instanceId: 'chain-1', input: 42 });
  const status = await host.runUntilComplete(id);

  assert.equal(status.runtimeStatus, 'Completed');
  assert.equal(status.input, 42);
  const output = status.output as { first: string; second: string; startedAt: string; guid: string };
  // String inputs are JSON-wrapped by the library and unwrapped by the host: the activity sees the string.
  assert.equal(output.first, 'hello "plain string"');
  assert.equal(output.second, 'hello {"nested":42}');
  assert.equal(output.startedAt, new Date(T0).toISOString());

  const full = await host.getStatus(id, { showHistory: true });
  assert.deepEqual(shape(full?.history), [
    'OrchestratorStarted',
    'ExecutionStarted:chain',
    'TaskScheduled:greet',
    'OrchestratorCompleted',
    'OrchestratorStarted',
    'TaskCompleted',
    'TaskScheduled:greet',
    'OrchestratorCompleted',
    'OrchestratorStarted',
    'TaskCompleted',
    'OrchestratorCompleted',
    'ExecutionCompleted',
  ]);
  assert.equal(status.metrics.replays, 3);
  assert.equal(status.metrics.activityExecutions, 2);
  assert.equal(status.metrics.historyEvents, 12);
  assert.ok(status.metrics.replayTimeMs >= 0);
});

test('newGuid is deterministic for the same instance id and time', async () => {
  const guids: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const { host } = makeHost({ chain }, { greet });
    await host.startNew('chain', { instanceId: 'same-id', input: 1 });
    const status = await host.runUntilComplete('same-id');
    guids.push((status.output as { guid: string }).guid);
  }
  assert.equal(guids[0], guids[1]);
  const { host } = makeHost({ chain }, { greet });
  await host.startNew('chain', { instanceId: 'other-id', input: 1 });
  const other = await host.runUntilComplete('other-id');
  assert.notEqual((other.output as { guid: string }).guid, guids[0]);
});

test('isReplaying is true only while replaying recorded history', async () => {
  const seen: boolean[] = [];
  const watcher: OrchestrationHandler = function* (context) {
    seen.push(context.df.isReplaying);
    yield context.df.callActivity('greet', 1);
    seen.push(context.df.isReplaying);
    return 'done';
  };
  const { host } = makeHost({ watcher }, { greet });
  const id = await host.startNew('watcher');
  await host.runUntilComplete(id);
  // Episode 1: live; episode 2: replays the start, then runs live after the completion.
  assert.deepEqual(seen, [false, true, false]);
});
