import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, ML, at, arr, obj, wsPath } from './client';
import { createWorkspace, header, start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const MIN = 60_000;
const epPath = (ws: string, ep: string) => `${wsPath('rg-e', ws)}/onlineEndpoints/${ep}?${ML}`;
const depPath = (ws: string, ep: string, dep: string) => `${wsPath('rg-e', ws)}/onlineEndpoints/${ep}/deployments/${dep}?${ML}`;
const deployment = { location: 'eastus', sku: { name: 'Default', capacity: 1 }, properties: { endpointComputeType: 'Managed', model: 'azureml:m:1', instanceType: 'Standard_DS3_v2' } };

test('endpoints and deployments: create LROs (201 + Azure-AsyncOperation), traffic split, list, delete', async () => {
  await createWorkspace(emu, 'rg-e', 'ws-e1');
  const ep = await call(emu, 'PUT', epPath('ws-e1', 'score'), { body: { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', publicNetworkAccess: 'Enabled' } } });
  assert.equal(ep.status, 201, ep.text);
  header(ep, 'azure-asyncoperation');
  assert.equal(at(ep.body, 'properties.provisioningState'), 'Creating');
  emu.clock.advance(5 * MIN);
  assert.equal(at((await call(emu, 'GET', epPath('ws-e1', 'score'))).body, 'properties.provisioningState'), 'Succeeded');
  for (const name of ['blue', 'green']) {
    const d = await call(emu, 'PUT', depPath('ws-e1', 'score', name), { body: deployment });
    assert.equal(d.status, 201);
  }
  assert.equal(at((await call(emu, 'GET', depPath('ws-e1', 'score', 'blue'))).body, 'properties.provisioningState'), 'Creating');
  emu.clock.advance(5 * MIN);
  assert.equal(at((await call(emu, 'GET', depPath('ws-e1', 'score', 'blue'))).body, 'properties.provisioningState'), 'Succeeded');
  const bad = await call(emu, 'PUT', epPath('ws-e1', 'score'), { body: { location: 'eastus', properties: { authMode: 'Key', traffic: { blue: 50, green: 20 } } } });
  assert.equal(bad.status, 400);
  const unknown = await call(emu, 'PATCH', epPath('ws-e1', 'score'), { body: { properties: { traffic: { purple: 100 } } } });
  assert.equal(unknown.status, 400);
  const split = await call(emu, 'PUT', epPath('ws-e1', 'score'), { body: { location: 'eastus', properties: { authMode: 'Key', traffic: { blue: 80, green: 20 } } } });
  assert.equal(split.status, 200);
  assert.equal(at(split.body, 'properties.provisioningState'), 'Updating');
  emu.clock.advance(MIN);
  const got = (await call(emu, 'GET', epPath('ws-e1', 'score'))).body;
  assert.deepEqual(at(got, 'properties.traffic'), { blue: 80, green: 20 });
  assert.match(String(at(got, 'properties.scoringUri')), /^https:\/\//);
  const list = await call(emu, 'GET', `${wsPath('rg-e', 'ws-e1')}/onlineEndpoints/score/deployments?${ML}`);
  assert.deepEqual(arr(obj(list.body).value).map((d) => at(d, 'name')).sort(), ['blue', 'green']);
  // A deployment with traffic cannot be deleted.
  assert.equal((await call(emu, 'DELETE', depPath('ws-e1', 'score', 'green'))).status, 400);
  await call(emu, 'PATCH', epPath('ws-e1', 'score'), { body: { properties: { traffic: { blue: 100, green: 0 } } } });
  const delDep = await call(emu, 'DELETE', depPath('ws-e1', 'score', 'green'));
  assert.equal(delDep.status, 202);
  emu.clock.advance(2 * MIN);
  assert.equal((await call(emu, 'GET', depPath('ws-e1', 'score', 'green'))).status, 404);
  const delEp = await call(emu, 'DELETE', epPath('ws-e1', 'score'));
  assert.equal(delEp.status, 202);
  const loc = header(delEp, 'location');
  assert.equal(at((await call(emu, 'GET', depPath('ws-e1', 'score', 'blue'))).body, 'properties.provisioningState'), 'Deleting');
  emu.clock.advance(2 * MIN);
  assert.equal((await call(emu, 'GET', loc)).status, 204);
  assert.equal((await call(emu, 'GET', epPath('ws-e1', 'score'))).status, 404);
  assert.equal(emu.state.listOnlineEndpoints(wsPath('rg-e', 'ws-e1')).length, 0);
});

test('authMode is required; a deployment needs its endpoint', async () => {
  await createWorkspace(emu, 'rg-e', 'ws-e2');
  assert.equal((await call(emu, 'PUT', epPath('ws-e2', 'ep1'), { body: { location: 'eastus', properties: {} } })).status, 400);
  assert.equal((await call(emu, 'PUT', depPath('ws-e2', 'nope', 'blue'), { body: deployment })).status, 404);
});

test('a deployment in an unprovisioned managed network waits for the network; once provisioned it takes deploymentCreate', async () => {
  await createWorkspace(emu, 'rg-e', 'ws-e3', { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  await call(emu, 'PUT', epPath('ws-e3', 'ep3'), { body: { location: 'eastus', properties: { authMode: 'AMLToken' } } });
  emu.clock.advance(5 * MIN);
  await call(emu, 'PUT', depPath('ws-e3', 'ep3', 'blue'), { body: deployment });
  emu.clock.advance(5 * MIN);
  assert.equal(at((await call(emu, 'GET', depPath('ws-e3', 'ep3', 'blue'))).body, 'properties.provisioningState'), 'Creating');
  emu.clock.advance(30 * MIN);
  assert.equal(at((await call(emu, 'GET', depPath('ws-e3', 'ep3', 'blue'))).body, 'properties.provisioningState'), 'Succeeded');
});
