import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmError, type LroHandle } from '../../src/arm/client';
import type { ManagedNetworkProvisionResult } from '../../src/arm/client/types';
import { WS_ID, seedWorkspace, startHarness, type Harness } from './harness';

let h: Harness;
before(async () => {
  // Short provisioning so that the ...AndWait test polls a few dozen times, not 360.
  h = await startHarness({ emulator: { durations: { ruleWrite: 20_000, provisionManagedNetwork: 120_000 } } });
  await seedWorkspace(h, { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } });
});
after(async () => h.close());
beforeEach(() => {
  h.emu.faults.clear();
  h.delays.length = 0;
  h.attempts.length = 0;
});

const since = (seq: number) => h.emu.requests().filter((r) => r.seq > seq);
const lastSeq = () => h.emu.requests().at(-1)?.seq ?? 0;

test('three 429s then success: retried, each delay is the Retry-After the service sent', async () => {
  h.emu.faults.add({ method: 'GET', path: '/outboundRules', times: 3, fault: { kind: 'status', status: 429, retryAfterSeconds: 7 } });
  const start = lastSeq();
  const rules = await h.client.listOutboundRules(WS_ID);
  assert.ok(Array.isArray(rules));
  assert.deepEqual(since(start).map((r) => r.status), [429, 429, 429, 200]);
  assert.deepEqual(h.delays, [7000, 7000, 7000]);
  assert.deepEqual(h.attempts.map((a) => [a.status, a.attempt, a.operation]), [
    [429, 0, 'readOutboundRules'],
    [429, 1, 'readOutboundRules'],
    [429, 2, 'readOutboundRules'],
    [200, 3, 'readOutboundRules'],
  ]);
});

test('5xx without Retry-After: exponential backoff with jitter, then success', async () => {
  h.emu.faults.add({ method: 'GET', path: '/workspaces/ws1', times: 2, fault: { kind: 'status', status: 503 } });
  const ws = await h.client.getWorkspace(WS_ID);
  assert.equal(ws.name, 'ws1');
  // random() = 0.5: step/2 + 0.5 * step/2 with steps 1000, 2000.
  assert.deepEqual(h.delays, [750, 1500]);
});

test('retries are capped: after maxRetries the 5xx surfaces as a retryable ArmError', async () => {
  h.emu.faults.add({ method: 'GET', path: '/workspaces/ws1', fault: { kind: 'status', status: 500 } });
  const start = lastSeq();
  const err = await h.client.getWorkspace(WS_ID).then(() => assert.fail('expected failure'), (e: unknown) => e);
  assert.ok(err instanceof ArmError);
  assert.equal(err.status, 500);
  assert.equal(err.isRetryable, true);
  assert.equal(since(start).length, 7, 'one try + 6 retries');
  assert.equal(h.delays.length, 6);
  assert.ok(h.delays.every((d) => d <= 60_000));
});

test('4xx other than 429 is never retried: exactly one request', async () => {
  h.emu.faults.add({ method: 'GET', path: '/workspaces/ws1', fault: { kind: 'status', status: 403, code: 'AuthorizationFailed', message: 'no access' } });
  const start = lastSeq();
  await assert.rejects(h.client.getWorkspace(WS_ID), (e: unknown) => e instanceof ArmError && e.status === 403 && e.code === 'AuthorizationFailed');
  assert.equal(since(start).length, 1);
  assert.deepEqual(h.delays, []);
});

test('connection resets are retried', async () => {
  h.emu.faults.add({ method: 'GET', path: '/outboundRules', times: 2, fault: { kind: 'reset' } });
  const start = lastSeq();
  await h.client.listOutboundRules(WS_ID);
  assert.deepEqual(since(start).map((r) => r.status), [0, 0, 200]);
  assert.equal(h.delays.length, 2);
  assert.deepEqual(h.attempts.map((a) => a.status), [0, 0, 200]);
});

test('a connection that keeps resetting ends as ArmError ConnectionFailed', async () => {
  h.emu.faults.add({ method: 'GET', path: '/outboundRules', fault: { kind: 'reset' } });
  await assert.rejects(h.client.listOutboundRules(WS_ID), (e: unknown) => {
    assert.ok(e instanceof ArmError);
    assert.equal(e.code, 'ConnectionFailed');
    assert.equal(e.status, 0);
    assert.equal(e.isRetryable, true);
    assert.equal(e.operation, 'readOutboundRules');
    return true;
  });
  assert.equal(h.attempts.length, 7);
});

test('provisioning: start returns a serializable handle; one poll per call; a 500 on a poll is recovered', async () => {
  const handle = await h.client.beginProvisionManagedNetwork(WS_ID, { includeSpark: false });
  assert.equal(handle.kind, 'azure-async');
  assert.match(handle.operationUrl, /mfeOperationsStatus/);
  assert.equal(handle.retryAfterSeconds, 5);
  assert.equal(handle.operation, 'provisionManagedNetwork');
  // Survives a trip through durable state.
  const stored = JSON.parse(JSON.stringify(handle)) as LroHandle<ManagedNetworkProvisionResult>;

  const start = lastSeq();
  const first = await h.client.pollOperation(stored);
  assert.equal(first.status, 'InProgress');
  assert.equal(since(start).length, 1, 'exactly one poll request');

  h.clock.advance(3 * 60_000);
  h.emu.faults.add({ method: 'GET', path: 'mfeOperationsStatus', times: 1, fault: { kind: 'status', status: 500 } });
  const before = lastSeq();
  const done = await h.client.pollOperation(first.handle);
  assert.equal(done.status, 'Succeeded');
  assert.equal(done.result?.status, 'Active');
  assert.deepEqual(since(before).map((r) => r.status).slice(0, 2), [500, 200]);
  assert.equal((await h.client.getWorkspace(WS_ID)).properties.managedNetwork?.status?.status, 'Active');
  // A finished handle answers without another request.
  const again = lastSeq();
  assert.equal((await h.client.pollOperation(done.handle)).status, 'Succeeded');
  assert.equal(since(again).length, 0);
});

test('a Failed LRO surfaces its error code: in the poll result and as ArmError from ...AndWait', async () => {
  h.emu.faults.add({ method: 'POST', path: 'provisionManagedNetwork', times: 2, fault: { kind: 'lroFail', code: 'ManagedNetworkProvisioningFailed', message: 'Subnet exhausted.' } });
  const handle = await h.client.beginProvisionManagedNetwork(WS_ID);
  h.clock.advance(10 * 60_000);
  const result = await h.client.pollOperation(handle);
  assert.equal(result.status, 'Failed');
  assert.equal(result.error?.code, 'ManagedNetworkProvisioningFailed');
  assert.equal(result.error?.message, 'Subnet exhausted.');

  const err = await h.client.provisionManagedNetworkAndWait(WS_ID).then(() => assert.fail('expected failure'), (e: unknown) => e);
  assert.ok(err instanceof ArmError);
  assert.equal(err.code, 'ManagedNetworkProvisioningFailed');
  assert.equal(err.operation, 'provisionManagedNetwork');
  assert.equal(err.method, 'POST');
  assert.equal(err.userMessage().startsWith('POST workspace ws1 failed: ManagedNetworkProvisioningFailed — Subnet exhausted.'), true, err.userMessage());
  assert.ok(h.delays.length > 0 && h.delays.every((d) => d === 5000), 'AndWait polls on the Retry-After, through the injected sleep');
});

test('outbound rules: concurrent writes on one workspace are serialized (no 409), then get, list, delete', async () => {
  const names = ['pypi', 'anaconda', 'pytorch'];
  const hosts = ['pypi.org', '*.anaconda.com', 'pytorch.org'];
  const written = await Promise.all(names.map((n, i) => h.client.putOutboundRule(WS_ID, n, { type: 'FQDN', destination: hosts[i] as string, category: 'UserDefined' })));
  assert.deepEqual(written.map((r) => r.name), names);
  assert.ok(h.emu.requests().every((r) => r.status !== 409), 'no conflict reached the service');
  const puts = h.emu.requests().filter((r) => r.method === 'PUT' && r.path.includes('/outboundRules/'));
  assert.equal(puts.length, 3);
  // Each PUT started after the previous rule operation had finished (20 s of emulator time each).
  for (let i = 1; i < puts.length; i++) assert.ok((puts[i]?.time ?? 0) - (puts[i - 1]?.time ?? 0) >= 20_000);

  const rule = await h.client.getOutboundRule(WS_ID, 'pypi');
  assert.equal(rule.properties.type, 'FQDN');
  assert.equal(rule.properties.destination, 'pypi.org');
  const listed = await h.client.listOutboundRules(WS_ID);
  for (const n of names) assert.ok(listed.some((r) => r.name === n), n);

  await h.client.deleteOutboundRule(WS_ID, 'anaconda');
  await assert.rejects(h.client.getOutboundRule(WS_ID, 'anaconda'), (e: unknown) => e instanceof ArmError && e.isNotFound);
});

test('write ceiling: at most writesPerSecond PATCHes on one subscription in any second; reads do not wait for it', async () => {
  const slow = await startHarness({ client: { writesPerSecond: 2 } });
  try {
    await seedWorkspace(slow);
    slow.delays.length = 0;
    const start = slow.emu.requests().at(-1)?.seq ?? 0;
    for (const mode of ['Enabled', 'Disabled', 'Enabled', 'Disabled', 'Enabled'] as const) {
      await slow.client.patchWorkspaceNetwork(WS_ID, { properties: { publicNetworkAccess: mode } });
    }
    const patches = slow.emu.requests().filter((r) => r.seq > start && r.method === 'PATCH');
    assert.equal(patches.length, 5);
    for (let i = 2; i < patches.length; i++) {
      assert.ok((patches[i]?.time ?? 0) - (patches[i - 2]?.time ?? 0) >= 1000, `PATCH ${i} was the third in one second`);
    }
    assert.ok(slow.delays.filter((d) => d > 0).length >= 2);

    slow.delays.length = 0;
    await Promise.all([1, 2, 3, 4, 5].map(() => slow.client.getWorkspace(WS_ID)));
    assert.deepEqual(slow.delays, [], 'reads never wait for the write ceiling (and 5 are under the request ceiling)');
  } finally {
    await slow.close();
  }
});
