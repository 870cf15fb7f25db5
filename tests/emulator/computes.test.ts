import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, ML, SUB, at, arr, errorCode, obj, wsPath } from './client';
import { createWorkspace, header, start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const MIN = 60_000;
const computePath = (rg: string, ws: string, c: string, q = '') => `${wsPath(rg, ws)}/computes/${c}?${ML}${q}`;
const cluster = (extra: Record<string, unknown> = {}) => ({
  location: 'eastus',
  properties: { computeType: 'AmlCompute', properties: { vmSize: 'STANDARD_DS3_V2', vmPriority: 'Dedicated', scaleSettings: { minNodeCount: 0, maxNodeCount: 2, nodeIdleTimeBeforeScaleDown: 'PT120S' }, ...extra } },
});
const SUBNET = { id: `/subscriptions/${SUB}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default` };

test('compute PUT: 201 + Azure-AsyncOperation; Creating for 5 min then Succeeded with read-only fields', async () => {
  await createWorkspace(emu, 'rg-c1', 'ws-c1');
  const put = await call(emu, 'PUT', computePath('rg-c1', 'ws-c1', 'cpu-cluster'), { body: cluster({ subnet: SUBNET }) });
  assert.equal(put.status, 201, put.text);
  const aa = header(put, 'azure-asyncoperation');
  header(put, 'retry-after');
  assert.equal(at(put.body, 'properties.provisioningState'), 'Creating');
  emu.clock.advance(5 * MIN - 1);
  assert.equal(at((await call(emu, 'GET', aa)).body, 'status'), 'InProgress');
  assert.equal(at((await call(emu, 'GET', computePath('rg-c1', 'ws-c1', 'cpu-cluster'))).body, 'properties.provisioningState'), 'Creating');
  emu.clock.advance(1);
  assert.equal(at((await call(emu, 'GET', aa)).body, 'status'), 'Succeeded');
  const c = obj((await call(emu, 'GET', computePath('rg-c1', 'ws-c1', 'cpu-cluster'))).body);
  assert.equal(c.type, 'Microsoft.MachineLearningServices/workspaces/computes');
  assert.equal(at(c, 'properties.provisioningState'), 'Succeeded');
  assert.equal(at(c, 'properties.computeType'), 'AmlCompute');
  assert.equal(at(c, 'properties.properties.allocationState'), 'Steady');
  assert.deepEqual(at(c, 'properties.properties.subnet'), SUBNET);
  const list = await call(emu, 'GET', `${wsPath('rg-c1', 'ws-c1')}/computes?${ML}`);
  assert.deepEqual(arr(obj(list.body).value).map((x) => at(x, 'name')), ['cpu-cluster']);
  // Sending the read-only fields back is refused (they must be dropped before a recreate).
  const echo = await call(emu, 'PUT', computePath('rg-c1', 'ws-c1', 'cpu-copy'), { body: { location: 'eastus', properties: { computeType: 'AmlCompute', properties: at(c, 'properties.properties') } } });
  assert.equal(echo.status, 400);
  assert.match(String(at(echo.body, 'error.message')), /allocationState/);
});

test('compute DELETE requires underlyingResourceAction; 202 + Location; Deleting for 2 min then gone', async () => {
  await createWorkspace(emu, 'rg-c2', 'ws-c2');
  await call(emu, 'PUT', computePath('rg-c2', 'ws-c2', 'cl1'), { body: cluster() });
  emu.clock.advance(5 * MIN);
  const noParam = await call(emu, 'DELETE', computePath('rg-c2', 'ws-c2', 'cl1'));
  assert.equal(noParam.status, 400);
  assert.equal(at(noParam.body, 'error.target'), 'underlyingResourceAction');
  const del = await call(emu, 'DELETE', computePath('rg-c2', 'ws-c2', 'cl1', '&underlyingResourceAction=Delete'));
  assert.equal(del.status, 202);
  const loc = header(del, 'location');
  header(del, 'azure-asyncoperation');
  assert.equal(at((await call(emu, 'GET', computePath('rg-c2', 'ws-c2', 'cl1'))).body, 'properties.provisioningState'), 'Deleting');
  const recreate = await call(emu, 'PUT', computePath('rg-c2', 'ws-c2', 'cl1'), { body: cluster() });
  assert.equal(recreate.status, 409);
  emu.clock.advance(2 * MIN);
  assert.equal((await call(emu, 'GET', loc)).status, 204);
  assert.equal((await call(emu, 'GET', computePath('rg-c2', 'ws-c2', 'cl1'))).status, 404);
  assert.equal(emu.state.listComputes(wsPath('rg-c2', 'ws-c2')).length, 0);
  assert.equal((await call(emu, 'DELETE', computePath('rg-c2', 'ws-c2', 'cl1', '&underlyingResourceAction=Detach'))).status, 204);
});

test('in a managed network: customer subnet refused, Kubernetes/VirtualMachine refused, other region refused', async () => {
  await createWorkspace(emu, 'rg-c3', 'ws-c3', { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  const withSubnet = await call(emu, 'PUT', computePath('rg-c3', 'ws-c3', 'cl-subnet'), { body: cluster({ subnet: SUBNET }) });
  assert.equal(withSubnet.status, 400);
  assert.equal(errorCode(withSubnet), 'ValidationError');
  assert.match(String(at(withSubnet.body, 'error.message')), /subnet/);
  for (const computeType of ['Kubernetes', 'VirtualMachine']) {
    const r = await call(emu, 'PUT', computePath('rg-c3', 'ws-c3', `x-${computeType.toLowerCase()}`), { body: { location: 'eastus', properties: { computeType, properties: {} } } });
    assert.equal(r.status, 400, computeType);
    assert.match(String(at(r.body, 'error.message')), new RegExp(computeType));
  }
  const far = await call(emu, 'PUT', computePath('rg-c3', 'ws-c3', 'cl-far'), { body: { location: 'eastus', properties: { computeType: 'AmlCompute', computeLocation: 'westus', properties: { vmSize: 'STANDARD_DS3_V2' } } } });
  assert.equal(far.status, 400);
});

test('the cross-region limit is for compute clusters only: an instance in another region is accepted', async () => {
  await createWorkspace(emu, 'rg-c3r', 'ws-c3r', { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  const instance = await call(emu, 'PUT', computePath('rg-c3r', 'ws-c3r', 'ci-far'), {
    body: { location: 'eastus', properties: { computeType: 'ComputeInstance', computeLocation: 'westus', properties: { vmSize: 'STANDARD_DS11_V2' } } },
  });
  assert.equal(instance.status, 201, instance.text);
  const clusterFar = await call(emu, 'PUT', computePath('rg-c3r', 'ws-c3r', 'cl-far'), {
    body: { location: 'eastus', properties: { computeType: 'amlcompute', computeLocation: 'westus', properties: { vmSize: 'STANDARD_DS3_V2' } } },
  });
  assert.equal(clusterFar.status, 400);
  assert.match(String(at(clusterFar.body, 'error.message')), /cluster in region 'westus'/);
});

test('the first compute in an unprovisioned managed network waits for an implicit provisioning (30 + 5 min)', async () => {
  await createWorkspace(emu, 'rg-c4', 'ws-c4', { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } });
  const put = await call(emu, 'PUT', computePath('rg-c4', 'ws-c4', 'cl1'), { body: cluster() });
  assert.equal(put.status, 201);
  emu.clock.advance(5 * MIN);
  assert.equal(at((await call(emu, 'GET', computePath('rg-c4', 'ws-c4', 'cl1'))).body, 'properties.provisioningState'), 'Creating');
  emu.clock.advance(30 * MIN);
  assert.equal(at((await call(emu, 'GET', computePath('rg-c4', 'ws-c4', 'cl1'))).body, 'properties.provisioningState'), 'Succeeded');
  assert.equal(at((await call(emu, 'GET', `${wsPath('rg-c4', 'ws-c4')}?${ML}`)).body, 'properties.managedNetwork.status.status'), 'Active');
  // Once provisioned, the next compute takes 5 min.
  await call(emu, 'PUT', computePath('rg-c4', 'ws-c4', 'cl2'), { body: cluster() });
  emu.clock.advance(5 * MIN);
  assert.equal(at((await call(emu, 'GET', computePath('rg-c4', 'ws-c4', 'cl2'))).body, 'properties.provisioningState'), 'Succeeded');
});

test('compute instance: assigned user, schedules and setup scripts kept; stop/start are LROs on state', async () => {
  await createWorkspace(emu, 'rg-c5', 'ws-c5');
  const props = {
    vmSize: 'STANDARD_DS11_V2',
    personalComputeInstanceSettings: { assignedUser: { objectId: '11111111-1111-4111-8111-111111111111', tenantId: '00000000-0000-0000-0000-0000000000aa' } },
    schedules: { computeStartStop: [{ action: 'Stop', triggerType: 'Cron', cron: { expression: '0 19 * * *' } }] },
    setupScripts: { scripts: { creationScript: { scriptSource: 'inline', scriptData: 'ZWNobw==' } } },
  };
  await call(emu, 'PUT', computePath('rg-c5', 'ws-c5', 'ci-1'), { body: { location: 'eastus', properties: { computeType: 'ComputeInstance', properties: props } } });
  assert.equal(at((await call(emu, 'GET', computePath('rg-c5', 'ws-c5', 'ci-1'))).body, 'properties.properties.state'), 'Creating');
  emu.clock.advance(5 * MIN);
  const ci = (await call(emu, 'GET', computePath('rg-c5', 'ws-c5', 'ci-1'))).body;
  assert.equal(at(ci, 'properties.properties.state'), 'Running');
  assert.deepEqual(at(ci, 'properties.properties.personalComputeInstanceSettings'), props.personalComputeInstanceSettings);
  assert.deepEqual(at(ci, 'properties.properties.schedules'), props.schedules);
  const stop = await call(emu, 'POST', `${wsPath('rg-c5', 'ws-c5')}/computes/ci-1/stop?${ML}`);
  assert.equal(stop.status, 202);
  assert.equal(at((await call(emu, 'GET', computePath('rg-c5', 'ws-c5', 'ci-1'))).body, 'properties.properties.state'), 'Stopping');
  emu.clock.advance(MIN);
  assert.equal(at((await call(emu, 'GET', computePath('rg-c5', 'ws-c5', 'ci-1'))).body, 'properties.properties.state'), 'Stopped');
  assert.equal((await call(emu, 'POST', `${wsPath('rg-c5', 'ws-c5')}/computes/ci-1/stop?${ML}`)).status, 409);
  assert.equal((await call(emu, 'POST', `${wsPath('rg-c5', 'ws-c5')}/computes/ci-1/start?${ML}`)).status, 202);
  emu.clock.advance(MIN);
  assert.equal(at((await call(emu, 'GET', computePath('rg-c5', 'ws-c5', 'ci-1'))).body, 'properties.properties.state'), 'Running');
  await call(emu, 'PUT', computePath('rg-c5', 'ws-c5', 'cl-x'), { body: cluster() });
  emu.clock.advance(5 * MIN);
  assert.equal((await call(emu, 'POST', `${wsPath('rg-c5', 'ws-c5')}/computes/cl-x/start?${ML}`)).status, 400);
});

test('compute PATCH updates scale settings synchronously', async () => {
  await createWorkspace(emu, 'rg-c6', 'ws-c6');
  await call(emu, 'PUT', computePath('rg-c6', 'ws-c6', 'cl1'), { body: cluster() });
  emu.clock.advance(5 * MIN);
  const p = await call(emu, 'PATCH', computePath('rg-c6', 'ws-c6', 'cl1'), { body: { properties: { scaleSettings: { maxNodeCount: 8 } } } });
  assert.equal(p.status, 200);
  assert.equal(at(p.body, 'properties.properties.scaleSettings.maxNodeCount'), 8);
  assert.equal(at(p.body, 'properties.properties.scaleSettings.minNodeCount'), 0);
});
