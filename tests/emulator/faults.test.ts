import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FaultInjector } from '../../src/emulator';
import { call, ML, at, arr, errorCode, obj, wsPath } from './client';
import { createWorkspace, header, provision, start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start({ seed: 3 });
  await createWorkspace(emu, 'rg-f', 'ws-f', { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } });
});
after(() => emu.close());

const WS = `${wsPath('rg-f', 'ws-f')}?${ML}`;

test('status faults: 429 with Retry-After, limited by times, matched by method and path', async () => {
  emu.faults.clear();
  emu.faults.add({ method: 'GET', path: '/workspaces/ws-f', times: 2, fault: { kind: 'status', status: 429, retryAfterSeconds: 7 } });
  const a = await call(emu, 'GET', WS);
  assert.equal(a.status, 429);
  assert.equal(header(a, 'retry-after'), '7');
  assert.equal(errorCode(a), 'TooManyRequests');
  header(a, 'x-ms-request-id');
  assert.equal((await call(emu, 'PATCH', WS, { body: { tags: {} } })).status, 200, 'another method is not matched');
  assert.equal((await call(emu, 'GET', WS)).status, 429);
  assert.equal((await call(emu, 'GET', WS)).status, 200, 'times exhausted');
  emu.faults.add({ path: /outboundRules/, fault: { kind: 'status', status: 503, code: 'ServiceUnavailable' } });
  assert.equal((await call(emu, 'GET', `${wsPath('rg-f', 'ws-f')}/outboundRules?${ML}`)).status, 503);
  assert.equal((await call(emu, 'GET', WS)).status, 200);
  emu.faults.clear();
  assert.equal((await call(emu, 'GET', `${wsPath('rg-f', 'ws-f')}/outboundRules?${ML}`)).status, 200);
  const rec = emu.requests().filter((r) => r.path === wsPath('rg-f', 'ws-f') && r.method === 'GET').map((r) => r.status);
  assert.deepEqual(rec.slice(-4), [429, 429, 200, 200]);
});

test('reset destroys the socket; a latency fault is applied and the request still succeeds', async () => {
  emu.faults.clear();
  emu.faults.add({ path: 'ws-f', times: 1, fault: { kind: 'reset' } });
  await assert.rejects(call(emu, 'GET', WS), /socket hang up|ECONNRESET/);
  assert.equal(emu.requests().at(-1)?.status, 0);
  // times: 2 keeps the fault listed after one firing, so the test can see it was applied (wall time is not asserted).
  const id = emu.faults.add({ path: 'ws-f', times: 2, fault: { kind: 'latency', ms: 5 } });
  assert.equal((await call(emu, 'GET', WS)).status, 200);
  const latency = emu.faults.list().find((f) => f.id === id);
  assert.deepEqual({ fired: latency?.fired, fault: latency?.spec.fault }, { fired: 1, fault: { kind: 'latency', ms: 5 } });
  assert.equal(emu.requests().at(-1)?.status, 200);
  emu.faults.clear();
});

test('lroFail: the next matching LRO ends Failed with the code; lroNeverFinish keeps it InProgress', async () => {
  emu.faults.clear();
  emu.faults.add({ path: 'provisionManagedNetwork', times: 1, fault: { kind: 'lroFail', code: 'InternalError', message: 'boom' } });
  // A non-LRO request on the same path does not consume it.
  emu.faults.add({ method: 'GET', path: 'nothing-matches-this', fault: { kind: 'lroNeverFinish' } });
  const p = await provision(emu, 'rg-f', 'ws-f');
  assert.equal(p.status, 202);
  emu.clock.advance(30 * 60_000);
  const st = await call(emu, 'GET', header(p, 'azure-asyncoperation'));
  assert.deepEqual({ status: at(st.body, 'status'), error: at(st.body, 'error') }, { status: 'Failed', error: { code: 'InternalError', message: 'boom' } });
  const loc = await call(emu, 'GET', header(p, 'location'));
  assert.equal(loc.status, 400);
  assert.equal(errorCode(loc), 'InternalError');
  assert.equal(at((await call(emu, 'GET', WS)).body, 'properties.managedNetwork.status.status'), 'Inactive');
  emu.faults.add({ path: 'provisionManagedNetwork', times: 1, fault: { kind: 'lroNeverFinish' } });
  const p2 = await provision(emu, 'rg-f', 'ws-f');
  emu.clock.advance(24 * 3600_000);
  assert.equal(at((await call(emu, 'GET', header(p2, 'azure-asyncoperation'))).body, 'status'), 'InProgress');
  assert.equal((await call(emu, 'GET', header(p2, 'location'))).status, 202);
});

test('lroFail on a compute create leaves it Failed with provisioningErrors', async () => {
  emu.faults.clear();
  emu.faults.add({ method: 'PUT', path: '/computes/', times: 1, fault: { kind: 'lroFail', code: 'QuotaExceeded', message: 'no cores' } });
  const put = await call(emu, 'PUT', `${wsPath('rg-f', 'ws-f')}/computes/cl-fail?${ML}`, { body: { location: 'eastus', properties: { computeType: 'AmlCompute', properties: { vmSize: 'STANDARD_DS3_V2' } } } });
  assert.equal(put.status, 201);
  emu.clock.advance(3600_000);
  const c = await call(emu, 'GET', `${wsPath('rg-f', 'ws-f')}/computes/cl-fail?${ML}`);
  assert.equal(at(c.body, 'properties.provisioningState'), 'Failed');
  assert.equal(at(arr(at(c.body, 'properties.provisioningErrors'))[0], 'error.code'), 'QuotaExceeded');
});

test('probability uses a seeded PRNG: the same seed gives the same sequence', () => {
  const run = (seed: number) => {
    const f = new FaultInjector(seed);
    f.add({ path: 'x', probability: 0.5, fault: { kind: 'status', status: 500 } });
    return Array.from({ length: 32 }, () => (f.takeRequestFault('GET', '/x') === undefined ? 0 : 1)).join('');
  };
  assert.equal(run(11), run(11));
  assert.notEqual(run(11), run(12));
  const hits = [...run(11)].filter((c) => c === '1').length;
  assert.ok(hits > 4 && hits < 28, String(hits));
  assert.throws(() => new FaultInjector().add({ path: 'x', probability: 2, fault: { kind: 'reset' } }), RangeError);
});

test('faults can be set and cleared through the admin route', async () => {
  emu.faults.clear();
  const add = await call(emu, 'POST', '/_emulator/faults', { auth: false, body: { method: 'GET', pathRegex: 'workspaces/ws-f$', times: 1, fault: { kind: 'status', status: 500 } } });
  assert.equal(add.status, 201);
  const listed = await call(emu, 'GET', '/_emulator/faults', { auth: false });
  assert.equal(arr(obj(listed.body).value).length, 1);
  assert.equal((await call(emu, 'GET', WS)).status, 500);
  assert.equal((await call(emu, 'GET', WS)).status, 200);
  await call(emu, 'POST', '/_emulator/faults', { auth: false, body: { path: 'ws-f', fault: { kind: 'status', status: 503 } } });
  assert.equal((await call(emu, 'GET', WS)).status, 503);
  assert.equal((await call(emu, 'DELETE', '/_emulator/faults', { auth: false })).status, 204);
  assert.equal((await call(emu, 'GET', WS)).status, 200);
  const bad = await call(emu, 'POST', '/_emulator/faults', { auth: false, body: { path: 'x', fault: { kind: 'explode' } } });
  assert.equal(bad.status, 400);
});
