import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, ML, SUB, at, errorCode, obj, wsPath } from './client';
import { createWorkspace, header, provision, start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const MIN = 60_000;

test('provisionManagedNetwork: 202 + Location + Azure-AsyncOperation; InProgress for 30 min; then Active and sparkReady with includeSpark', async () => {
  await createWorkspace(emu, 'rg-p1', 'ws-p1', { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } });
  const res = await provision(emu, 'rg-p1', 'ws-p1', true);
  assert.equal(res.status, 202);
  assert.equal(header(res, 'retry-after'), '10');
  const asyncUrl = header(res, 'azure-asyncoperation');
  const loc = header(res, 'location');
  assert.match(asyncUrl, new RegExp(`^${emu.url.replace(/\./g, '\\.')}/subscriptions/${SUB}/providers/Microsoft\\.MachineLearningServices/locations/eastus/mfeOperationsStatus/`));
  const s0 = obj((await call(emu, 'GET', asyncUrl)).body);
  assert.equal(s0.status, 'InProgress');
  assert.equal(s0.percentComplete, 0);
  assert.equal(s0.error, undefined);
  emu.clock.advance(15 * MIN);
  assert.equal(obj((await call(emu, 'GET', asyncUrl)).body).percentComplete, 50);
  const mid = await call(emu, 'GET', `${wsPath('rg-p1', 'ws-p1')}?${ML}`);
  assert.deepEqual(at(mid.body, 'properties.managedNetwork.status'), { status: 'Inactive', sparkReady: false });
  const running = await call(emu, 'GET', loc);
  assert.equal(running.status, 202);
  header(running, 'location');
  emu.clock.advance(15 * MIN);
  const s1 = obj((await call(emu, 'GET', asyncUrl)).body);
  assert.equal(s1.status, 'Succeeded');
  assert.equal(typeof s1.endTime, 'string');
  const final = await call(emu, 'GET', loc);
  assert.equal(final.status, 200);
  assert.deepEqual(final.body, { status: 'Active', sparkReady: true });
  const ws = await call(emu, 'GET', `${wsPath('rg-p1', 'ws-p1')}?${ML}`);
  assert.deepEqual(at(ws.body, 'properties.managedNetwork.status'), { status: 'Active', sparkReady: true });
  // The test helper reads the same state directly.
  assert.equal(at(emu.state.getWorkspace(wsPath('rg-p1', 'ws-p1')), 'properties.managedNetwork.status.status'), 'Active');
});

test('provisioning a Disabled workspace is a 400; a second request joins the running operation', async () => {
  await createWorkspace(emu, 'rg-p2', 'ws-p2');
  const off = await provision(emu, 'rg-p2', 'ws-p2');
  assert.equal(off.status, 400);
  assert.equal(errorCode(off), 'ValidationError');
  await call(emu, 'PATCH', `${wsPath('rg-p2', 'ws-p2')}?${ML}`, { body: { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } } });
  const a = await provision(emu, 'rg-p2', 'ws-p2');
  emu.clock.advance(MIN);
  const b = await provision(emu, 'rg-p2', 'ws-p2');
  assert.equal(header(a, 'location'), header(b, 'location'));
});

test('durations are configurable', async () => {
  const fast = await start({ durations: { provisionManagedNetwork: 1000, workspaceCreate: 0 } });
  try {
    await createWorkspace(fast, 'rg-fast', 'ws-fast', { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } });
    const res = await provision(fast, 'rg-fast', 'ws-fast');
    fast.clock.advance(999);
    assert.equal((await call(fast, 'GET', header(res, 'location'))).status, 202);
    fast.clock.advance(1);
    assert.equal((await call(fast, 'GET', header(res, 'location'))).status, 200);
  } finally {
    await fast.close();
  }
});

test('provisionNetworkNow at creation provisions the network as part of the create LRO', async () => {
  const ws = await (async () => {
    const put = await call(emu, 'PUT', `${wsPath('rg-p1', 'ws-now')}?${ML}`, {
      body: { location: 'eastus', properties: { provisionNetworkNow: true, managedNetwork: { isolationMode: 'AllowInternetOutbound' } } },
    });
    assert.equal(put.status, 202);
    emu.clock.advance(MIN);
    assert.equal((await call(emu, 'GET', header(put, 'location'))).status, 202);
    emu.clock.advance(30 * MIN);
    return (await call(emu, 'GET', header(put, 'location'))).body;
  })();
  assert.equal(at(ws, 'properties.managedNetwork.status.status'), 'Active');
  assert.equal(at(ws, 'properties.provisionNetworkNow'), undefined);
});

test('an unknown operation id is 404', async () => {
  const res = await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/00000000-0000-0000-0000-00000000dead?${ML}`);
  assert.equal(res.status, 404);
});
