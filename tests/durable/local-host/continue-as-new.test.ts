import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { makeHost, shape } from './helpers';

const seen: unknown[] = [];
const note: ActivityHandler = (value: unknown) => {
  seen.push(value);
  return value;
};

const counter: OrchestrationHandler = function* (context) {
  const state = context.df.getInput() as { n: number; log: number[] };
  yield context.df.callActivity('note', state.n);
  if (state.n < 3) {
    context.df.continueAsNew({ n: state.n + 1, log: [...state.log, state.n] });
    return undefined;
  }
  return state.log;
};

test('continueAsNew starts a fresh execution with the new input and a reset history', async () => {
  seen.length = 0;
  const { host } = makeHost({ counter }, { note });
  const id = await host.startNew('counter', { input: { n: 0, log: [] } });

  const between = await host.waitForStatus(id, 'ContinuedAsNew');
  assert.deepEqual(between.input, { n: 1, log: [0] });

  const status = await host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Completed');
  assert.deepEqual(status.output, [0, 1, 2]);
  assert.deepEqual(status.input, { n: 3, log: [0, 1, 2] });
  assert.deepEqual(seen, [0, 1, 2, 3]);
  assert.equal(status.metrics.executions, 4);
  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  // Only the last execution's history is kept.
  assert.deepEqual(shape(history).slice(0, 3), ['OrchestratorStarted', 'ExecutionStarted:counter', 'TaskScheduled:note']);
  assert.equal(status.metrics.historyEvents, history?.length);
  assert.ok(status.metrics.totalHistoryEvents > status.metrics.historyEvents);
});
