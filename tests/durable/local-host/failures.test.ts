import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { count, makeHost } from './helpers';

const explode: ActivityHandler = (what: unknown) => {
  throw new Error(`cannot ${String(what)}`);
};
const fine: ActivityHandler = () => 'fine';

test('an orchestrator exception fails the instance; output holds the message', async () => {
  const failing: OrchestrationHandler = function* (context) {
    yield context.df.callActivity('fine');
    throw new Error('policy violated');
  };
  const { host } = makeHost({ failing }, { fine });
  const id = await host.startNew('failing');
  const summary = await host.runUntilIdle();
  const status = await host.getStatus(id, { showHistory: true });
  assert.equal(status?.runtimeStatus, 'Failed');
  assert.equal(status?.output, "Orchestrator function 'failing' failed: policy violated");
  assert.equal(status?.failure?.errorType, 'OrchestrationFailure');
  assert.deepEqual(summary.failed, [id]);
  assert.equal(summary.failures[0]?.instanceId, id);
  assert.equal(count(status?.history, 'ExecutionCompleted'), 1);
});

test('an activity exception arrives as TaskFailed and can be caught by the orchestrator', async () => {
  const careful: OrchestrationHandler = function* (context) {
    try {
      yield context.df.callActivity('explode', 'delete the hub');
      return 'no error';
    } catch (error) {
      const recovered: unknown = yield context.df.callActivity('fine');
      return { caught: (error as Error).message, recovered };
    }
  };
  const { host } = makeHost({ careful }, { explode, fine });
  const id = await host.startNew('careful');
  const status = await host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Completed');
  const output = status.output as { caught: string; recovered: string };
  assert.match(output.caught, /^Activity function 'explode' failed: cannot delete the hub/);
  assert.equal(output.recovered, 'fine');
  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  assert.equal(count(history, 'TaskFailed'), 1);
});

test('an uncaught activity exception fails the orchestration with the activity message', async () => {
  const careless: OrchestrationHandler = function* (context) {
    yield context.df.callActivity('explode', 'proceed');
    return 'unreachable';
  };
  const { host } = makeHost({ careless }, { explode });
  const id = await host.startNew('careless');
  const status = await host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Failed');
  assert.match(String(status.output), /Activity function 'explode' failed: cannot proceed/);
});

test('calling an unregistered activity fails the orchestration, as the host refuses it', async () => {
  const typo: OrchestrationHandler = function* (context) {
    yield context.df.callActivity('doesNotExist');
    return 'unreachable';
  };
  const { host } = makeHost({ typo }, { fine });
  const id = await host.startNew('typo');
  const status = await host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Failed');
  assert.match(String(status.output), /The function 'doesNotExist' doesn't exist/);
});

test('yielding something that is not a durable task is a programming-constraint failure', async () => {
  const bad: OrchestrationHandler = function* () {
    yield undefined as never;
    return 'unreachable';
  };
  const { host } = makeHost({ bad }, {});
  const id = await host.startNew('bad');
  const status = await host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Failed');
  assert.match(String(status.output), /programming constraint violation/);
});
