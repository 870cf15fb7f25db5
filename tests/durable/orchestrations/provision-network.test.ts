import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORCHESTRATORS, type ProvisionNetworkOutput } from '../../../src/durable/contracts';
import { instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import { HistoryEventType } from '../../../src/durable/local-host';
import { DEMO_WORKSPACES } from '../../../src/emulator/scenarios';
import { startTestRig, type TestRig } from '../../support/test-rig';

const WS = DEMO_WORKSPACES.researchInternetUnprovisioned;
const MIN = 60_000;

async function withRig(fn: (rig: TestRig) => Promise<void>, options: Parameters<typeof startTestRig>[0] = {}): Promise<void> {
  const rig = await startTestRig({ scenario: 'demo', ...options });
  try {
    await fn(rig);
  } finally {
    await rig.close();
  }
}

/** Virtual time; a transport retry inside the client (its backoff advances the clock) may add seconds. */
function assertMinutes(elapsedMs: number, minutes: number): void {
  assert.ok(elapsedMs >= minutes * MIN && elapsedMs < (minutes + 1) * MIN, `${elapsedMs / MIN} minutes instead of ${minutes}`);
}

function provisionRequests(rig: TestRig): number {
  return rig.requests().filter((r) => r.method === 'POST' && r.path.toLowerCase().endsWith('/provisionmanagednetwork')).length;
}

test('realistic 30-minute provisioning on virtual time: growing poll intervals, one provisioning request, Active', () =>
  withRig(async (rig) => {
    const start = rig.clock.now();
    const id = await rig.host.startNew(ORCHESTRATORS.provisionNetwork, {
      instanceId: instanceIdForWorkspace(WS, 'provision'),
      input: { workspaceId: WS, includeSpark: false, timeoutMinutes: 45 },
    });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
    const out = status.output as ProvisionNetworkOutput;
    assert.equal(out.status, 'Active');
    const elapsed = (rig.clock.now() - start) / MIN;
    assert.ok(elapsed >= 30 && elapsed <= 31.5, `finished after ${elapsed} virtual minutes`);
    assert.equal(provisionRequests(rig), 1);
    const ws = await rig.arm.getWorkspace(WS);
    assert.equal(ws.properties.managedNetwork?.status?.status, 'Active');

    // Timer intervals grow 15 s, 30 s, then stay at 1 minute (the cap).
    const history = (await rig.host.getStatus(id, { showHistory: true }))?.history ?? [];
    const fireTimes = history.flatMap((e) => (e.EventType === HistoryEventType.TimerCreated ? [Date.parse(e.FireAt)] : []));
    const created = history.flatMap((e) => (e.EventType === HistoryEventType.TimerCreated ? [Date.parse(e.Timestamp)] : []));
    const intervals = fireTimes.map((f, i) => Math.round((f - (created[i] ?? f)) / 1000));
    assert.deepEqual(intervals.slice(0, 5), [15, 30, 60, 60, 60]);
    assert.ok(intervals.every((s) => s <= 60));
  }));

test('a provisioning that never finishes FAILS at the timeout, saying what was and was not done', () =>
  withRig(async (rig) => {
    rig.emu.faults.add({ method: 'POST', path: 'provisionManagedNetwork', fault: { kind: 'lroNeverFinish' } });
    const start = rig.clock.now();
    const id = await rig.host.startNew(ORCHESTRATORS.provisionNetwork, { input: { workspaceId: WS, includeSpark: false, timeoutMinutes: 40 } });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Failed');
    assert.match(status.failure?.message ?? '', /\[ProvisioningTimedOut\]/);
    assert.match(status.failure?.message ?? '', /Done: provisioning was requested/);
    assert.match(status.failure?.message ?? '', /Not done: the network is not provisioned/);
    const custom = status.customStatus as { phase: string; message: string };
    assert.equal(custom.phase, 'failed');
    assert.match(custom.message, /not Active after 40 minutes/);
    assertMinutes(rig.clock.now() - start, 40);
    assert.equal(provisionRequests(rig), 1);
  }));

test('a failed provisioning operation ends the wait at once with the service error', () =>
  withRig(async (rig) => {
    rig.emu.faults.add({ method: 'POST', path: 'provisionManagedNetwork', fault: { kind: 'lroFail', code: 'SubnetExhausted', message: 'no room left' } });
    const id = await rig.host.startNew(ORCHESTRATORS.provisionNetwork, { input: { workspaceId: WS, includeSpark: false, timeoutMinutes: 45 } });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Failed');
    assert.match(status.failure?.message ?? '', /\[ProvisioningFailed\].*SubnetExhausted/);
  }, { durations: { provisionManagedNetwork: 5 * MIN } }));

test('Spark: waits for sparkReady as well, and the request asks for it', () =>
  withRig(async (rig) => {
    const id = await rig.host.startNew(ORCHESTRATORS.provisionNetwork, { input: { workspaceId: WS, includeSpark: true, timeoutMinutes: 45 } });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
    assert.equal((status.output as ProvisionNetworkOutput).sparkReady, true);
    const post = rig.requests().find((r) => r.method === 'POST' && r.path.toLowerCase().endsWith('/provisionmanagednetwork'));
    assert.deepEqual(post?.body, { includeSpark: true });
  }, { durations: { provisionManagedNetwork: 10 * MIN } }));

test('very long waits continue as new (fresh history) and keep the deadline', () =>
  withRig(async (rig) => {
    rig.emu.faults.add({ method: 'POST', path: 'provisionManagedNetwork', fault: { kind: 'lroNeverFinish' } });
    const start = rig.clock.now();
    const id = await rig.host.startNew(ORCHESTRATORS.provisionNetwork, { input: { workspaceId: WS, includeSpark: false, timeoutMinutes: 300 } });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Failed');
    assert.match(status.failure?.message ?? '', /not Active after 300 minutes/);
    assertMinutes(rig.clock.now() - start, 300);
    assert.ok(status.metrics.executions >= 2, `executions: ${status.metrics.executions}`);
    assert.equal(provisionRequests(rig), 1, 'the continuation does not provision again');
  }));

test('already started (provisionNetworkNow at creation): only waits, never sends a provisioning request', () =>
  withRig(async (rig) => {
    const id = await rig.host.startNew(ORCHESTRATORS.provisionNetwork, { input: { workspaceId: DEMO_WORKSPACES.approvedCompliant, includeSpark: false, timeoutMinutes: 45, alreadyStarted: true } });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Completed');
    assert.equal((status.output as ProvisionNetworkOutput).polls, 1);
    assert.equal(provisionRequests(rig), 0);
  }));
