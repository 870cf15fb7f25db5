import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Timer } from '@azure/functions';
import { driftTimer } from '../../src/functions/drift-timer';
import { driftScanInstanceId } from '../../src/durable/instance-ids';
import { SUB, SUB2, installServices, invocation } from './support/fakes';

const tick = (isPastDue = false): Timer => ({
  isPastDue,
  schedule: { adjustForDST: false },
  scheduleStatus: { last: '2025-01-01T00:00:00Z', next: '2025-01-01T06:00:00Z', lastUpdated: '2025-01-01T00:00:00Z' },
});

test('the timer starts driftScan as a singleton with the configured subscriptions', async () => {
  const t = installServices();
  const { context, logs } = invocation('driftTimer');
  const result = await driftTimer(tick(), context);
  assert.deepEqual(result, { instanceId: driftScanInstanceId('baseline'), started: true });
  assert.equal(t.gateway.starts.length, 1);
  const start = t.gateway.starts[0]!;
  assert.equal(start.name, 'driftScan');
  assert.equal(start.instanceId, driftScanInstanceId('baseline'));
  const input = start.input as { subscriptions: string[]; policy: { name: string }; request: unknown };
  assert.deepEqual(input.subscriptions, [SUB, SUB2]);
  assert.equal(input.policy.name, 'baseline');
  assert.deepEqual(input.request, { trigger: 'timer' });
  assert.ok(logs.some((l) => l.entry['event'] === 'drift.started' && l.entry['instanceId'] === start.instanceId));
});

test('the timer never overlaps a scan that is pending or running; starts again once it finished', async () => {
  const t = installServices();
  await driftTimer(tick(), invocation().context);
  const id = driftScanInstanceId('baseline');
  const pending = invocation();
  assert.equal((await driftTimer(tick(), pending.context)).started, false);
  assert.ok(pending.logs.some((l) => l.entry['event'] === 'drift.skipped' && l.entry['runtimeStatus'] === 'Pending'));
  t.gateway.set(id, { runtimeStatus: 'Running' });
  assert.equal((await driftTimer(tick(true), invocation().context)).started, false);
  assert.equal(t.gateway.starts.length, 1);
  t.gateway.set(id, { runtimeStatus: 'Completed' });
  assert.equal((await driftTimer(tick(), invocation().context)).started, true);
  t.gateway.set(id, { runtimeStatus: 'Failed' });
  assert.equal((await driftTimer(tick(), invocation().context)).started, true);
  assert.equal(t.gateway.starts.length, 3);
});
