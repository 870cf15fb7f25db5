import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { makeHost, shape } from './helpers';

const double: ActivityHandler = (n: unknown) => (typeof n === 'number' ? n * 2 : NaN);

const child: OrchestrationHandler = function* (context) {
  const n = context.df.getInput() as number;
  if (n < 0) throw new Error(`child refuses ${n}`);
  const doubled: unknown = yield context.df.callActivity('double', n);
  return { doubled, parent: context.df.parentInstanceId };
};

const parent: OrchestrationHandler = function* (context) {
  const fixed: unknown = yield context.df.callSubOrchestrator('child', 5, 'child-fixed');
  const generated: unknown = yield context.df.callSubOrchestrator('child', 7);
  let failure = '';
  try {
    yield context.df.callSubOrchestrator('child', -1);
  } catch (error) {
    failure = (error as Error).message;
  }
  return { fixed, generated, failure };
};

test('sub-orchestrations run as their own instances and report back to the parent', async () => {
  const { host } = makeHost({ parent, child }, { double });
  const id = await host.startNew('parent', { instanceId: 'parent-1' });
  const status = await host.runUntilComplete(id);

  assert.equal(status.runtimeStatus, 'Completed');
  const output = status.output as { fixed: unknown; generated: unknown; failure: string };
  assert.deepEqual(output.fixed, { doubled: 10, parent: 'parent-1' });
  assert.deepEqual(output.generated, { doubled: 14, parent: 'parent-1' });
  assert.match(output.failure, /Orchestrator function 'child' failed: child refuses -1/);

  const children = (await host.listInstances()).filter((s) => s.parentInstanceId === 'parent-1');
  assert.deepEqual(
    children.map((c) => [c.instanceId, c.runtimeStatus]),
    [
      ['child-fixed', 'Completed'],
      ['parent-1:0001', 'Completed'],
      ['parent-1:0002', 'Failed'],
    ],
  );
  const history = (await host.getStatus(id, { showHistory: true }))?.history;
  const steps = shape(history).filter((s) => s.startsWith('SubOrchestration'));
  assert.deepEqual(steps, [
    'SubOrchestrationInstanceCreated:child',
    'SubOrchestrationInstanceCompleted',
    'SubOrchestrationInstanceCreated:child',
    'SubOrchestrationInstanceCompleted',
    'SubOrchestrationInstanceCreated:child',
    'SubOrchestrationInstanceFailed',
  ]);
});

test('a terminated child fails the parent\'s call', async () => {
  const waitingChild: OrchestrationHandler = function* (context) {
    yield context.df.waitForExternalEvent('never');
    return 'unreachable';
  };
  const waitingParent: OrchestrationHandler = function* (context) {
    try {
      yield context.df.callSubOrchestrator('waitingChild', undefined, 'wc');
      return 'child finished';
    } catch (error) {
      return `child failed: ${(error as Error).message}`;
    }
  };
  const { host } = makeHost({ waitingParent, waitingChild }, {});
  const id = await host.startNew('waitingParent');
  const summary = await host.runUntilIdle();
  assert.deepEqual(summary.waitingForEvents, ['wc']);
  assert.deepEqual(summary.waitingForSubOrchestrations, [id]);
  await host.terminate('wc', 'operator gave up');
  const status = await host.runUntilComplete(id);
  assert.match(String(status.output), /^child failed: .*terminated: operator gave up/);
});
