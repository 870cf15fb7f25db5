import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityHandler, OrchestrationHandler } from 'durable-functions';
import { makeHost } from './helpers';

const work: ActivityHandler = () => 'done';

const phases: OrchestrationHandler = function* (context) {
  context.df.setCustomStatus({ phase: 'planning' });
  yield context.df.callActivity('work');
  context.df.setCustomStatus({ phase: 'waiting-for-approval', ticket: 'T-1' });
  const decision: unknown = yield context.df.waitForExternalEvent('approval');
  context.df.setCustomStatus({ phase: 'completed' });
  return decision;
};

test('custom status is visible while the orchestration runs and after it ends', async () => {
  const { host } = makeHost({ phases }, { work });
  const id = await host.startNew('phases');
  assert.equal((await host.getStatus(id))?.customStatus, null);
  assert.equal((await host.getStatus(id))?.runtimeStatus, 'Pending');

  const planning = await host.waitForStatus(id, (s) => s.customStatus !== null);
  assert.deepEqual(planning.customStatus, { phase: 'planning' });

  const waiting = await host.waitForStatus(
    id,
    (s) => (s.customStatus as { phase?: string } | null)?.phase === 'waiting-for-approval',
  );
  assert.deepEqual(waiting.customStatus, { phase: 'waiting-for-approval', ticket: 'T-1' });
  assert.equal(waiting.runtimeStatus, 'Running');

  await host.raiseEvent(id, 'approval', 'yes');
  const status = await host.runUntilComplete(id);
  assert.deepEqual(status.customStatus, { phase: 'completed' });
  assert.equal(status.output, 'yes');
  assert.ok(status.lastUpdatedTime.getTime() >= status.createdTime.getTime());
});
