import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmError, type LroHandle } from '../../src/arm/client';
import { computeRecreateBody, onlineDeploymentRecreateBody, onlineEndpointRecreateBody, withTraffic } from '../../src/arm/recreate';
import type { ComputeResource, OnlineDeployment, OnlineEndpoint } from '../../src/arm/types';
import { loadFixture } from './fixtures/load';
import { WS_ID, seedWorkspace, startHarness, type Harness } from './harness';

const MINUTE = 60_000;
let h: Harness;
before(async () => {
  h = await startHarness({
    emulator: { durations: { provisionManagedNetwork: 2 * MINUTE, computeCreate: MINUTE, computeDelete: MINUTE, computeStartStop: 30_000, endpointCreate: MINUTE, deploymentCreate: MINUTE } },
  });
  await seedWorkspace(h);
});
after(async () => h.close());

const CI = `${WS_ID}/computes/ci-alice`;
const CLUSTER = `${WS_ID}/computes/cpu-cluster`;
const EP = `${WS_ID}/onlineEndpoints/churn-scoring`;

/** Polls a handle the way an orchestrator does: wait retryAfterSeconds (here: move the clock), poll once, repeat. */
async function drive<T>(handle: LroHandle<T>): Promise<{ status: string; result?: T; polls: number }> {
  let current = handle;
  for (let polls = 1; polls < 500; polls++) {
    h.clock.advance(current.retryAfterSeconds * 1000);
    const r = await h.client.pollOperation(current);
    if (r.status !== 'InProgress') return { status: r.status, ...(r.result !== undefined ? { result: r.result } : {}), polls };
    current = JSON.parse(JSON.stringify(r.handle)) as LroHandle<T>;
  }
  throw new Error('operation never ended');
}

test('computes in a customer network: created from realistic bodies, get, list, stop and start', async () => {
  const ciBody = computeRecreateBody(loadFixture<ComputeResource>('compute-instance'), { insideManagedNetwork: false });
  const clusterBody = computeRecreateBody(loadFixture<ComputeResource>('aml-cluster'), { insideManagedNetwork: false });
  const ci = await h.client.createComputeAndWait(CI, ciBody);
  assert.equal(ci.properties.provisioningState, 'Succeeded');
  const handle = await h.client.beginCreateCompute(CLUSTER, clusterBody);
  assert.equal(handle.kind, 'azure-async');
  const created = await drive(handle);
  assert.equal(created.status, 'Succeeded');
  assert.equal(created.result?.name, 'cpu-cluster', 'the final GET returns the compute');

  const listed = await h.client.listComputes(WS_ID);
  assert.deepEqual(listed.map((c) => c.name).sort(), ['ci-alice', 'cpu-cluster']);
  const got = await h.client.getCompute(CLUSTER);
  assert.deepEqual(got.properties.properties?.['scaleSettings'], { minNodeCount: 0, maxNodeCount: 8, nodeIdleTimeBeforeScaleDown: 'PT120S' });

  assert.equal((await drive(await h.client.beginStopCompute(CI))).status, 'Succeeded');
  assert.equal((await h.client.getCompute(CI)).properties.properties?.['state'], 'Stopped');
  assert.equal((await drive(await h.client.beginStartCompute(CI))).status, 'Succeeded');
  assert.equal((await h.client.getCompute(CI)).properties.properties?.['state'], 'Running');
});

test('provisioning the managed network and waiting for it (the CLI path)', async () => {
  await h.client.patchWorkspaceNetwork(WS_ID, { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } });
  const status = await h.client.provisionManagedNetworkAndWait(WS_ID, { includeSpark: true });
  assert.equal(status.status, 'Active');
  const post = h.emu.requests().find((r) => r.method === 'POST' && r.path.endsWith('/provisionManagedNetwork'));
  assert.deepEqual(post?.body, { includeSpark: true });
  assert.equal((await h.client.getWorkspace(WS_ID)).properties.managedNetwork?.status?.status, 'Active');
});

test('a GET body sent back as-is is refused by the service; the recreate body is accepted (managed network)', async () => {
  const snapshot = await h.client.getCompute(CI);
  const deleteHandle = await h.client.beginDeleteCompute(CI);
  const deleteRequest = h.emu.requests().filter((r) => r.method === 'DELETE').at(-1);
  assert.equal(deleteRequest?.query['underlyingResourceAction'], 'Delete');
  assert.equal((await drive(deleteHandle)).status, 'Succeeded');
  await assert.rejects(h.client.getCompute(CI), (e: unknown) => e instanceof ArmError && e.isNotFound);

  // The raw GET (read-only fields, customer subnet) is what the helper exists to clean.
  const raw = { location: snapshot.location ?? 'westeurope', properties: snapshot.properties };
  await assert.rejects(h.client.beginCreateCompute(CI, raw), (e: unknown) => e instanceof ArmError && e.status === 400);
  await assert.rejects(
    h.client.beginCreateCompute(CI, computeRecreateBody(snapshot, { insideManagedNetwork: false })),
    (e: unknown) => e instanceof ArmError && e.code === 'ValidationError' && /subnet/i.test(e.message),
  );
  const recreated = await drive(await h.client.beginCreateCompute(CI, computeRecreateBody(snapshot, { insideManagedNetwork: true })));
  assert.equal(recreated.status, 'Succeeded');
  const after = await h.client.getCompute(CI);
  assert.deepEqual(after.properties.properties?.['personalComputeInstanceSettings'], snapshot.properties.properties?.['personalComputeInstanceSettings']);
  assert.equal(after.properties.properties?.['subnet'] ?? undefined, undefined);
  await h.client.deleteComputeAndWait(CLUSTER);
  assert.deepEqual((await h.client.listComputes(WS_ID)).map((c) => c.name), ['ci-alice']);
});

test('online endpoint and deployments: create, get, list, traffic applied after the deployments, delete', async () => {
  const plan = onlineEndpointRecreateBody(loadFixture<OnlineEndpoint>('online-endpoint'));
  const epResult = await drive(await h.client.beginCreateOnlineEndpoint(EP, plan.body));
  assert.equal(epResult.status, 'Succeeded');
  const fixtureDeployment = loadFixture<OnlineDeployment>('online-deployment');
  for (const name of ['blue', 'green']) {
    const r = await drive(await h.client.beginCreateOnlineDeployment(`${EP}/deployments/${name}`, onlineDeploymentRecreateBody(fixtureDeployment)));
    assert.equal(r.status, 'Succeeded', name);
  }
  assert.equal((await drive(await h.client.beginCreateOnlineEndpoint(EP, withTraffic(plan.body, plan.traffic)))).status, 'Succeeded');

  const ep = await h.client.getOnlineEndpoint(EP);
  assert.deepEqual(ep.properties.traffic, { blue: 90, green: 10 });
  assert.equal(ep.properties.authMode, 'AMLToken');
  assert.deepEqual((await h.client.listOnlineEndpoints(WS_ID)).map((e) => e.name), ['churn-scoring']);
  const deployments = await h.client.listOnlineDeployments(EP);
  assert.deepEqual(deployments.map((d) => d.name).sort(), ['blue', 'green']);
  const blue = await h.client.getOnlineDeployment(`${EP}/deployments/blue`);
  assert.equal(blue.properties.instanceType, 'Standard_DS3_v2');

  // A deployment with traffic cannot go: the service's 400 is surfaced, not retried.
  await assert.rejects(h.client.beginDeleteOnlineDeployment(`${EP}/deployments/green`), (e: unknown) => e instanceof ArmError && e.status === 400);
  assert.equal((await drive(await h.client.beginCreateOnlineEndpoint(EP, withTraffic(plan.body, { blue: 100 })))).status, 'Succeeded');
  assert.equal((await drive(await h.client.beginDeleteOnlineDeployment(`${EP}/deployments/green`))).status, 'Succeeded');
  assert.deepEqual((await h.client.listOnlineDeployments(EP)).map((d) => d.name), ['blue']);
  assert.equal((await drive(await h.client.beginDeleteOnlineEndpoint(EP))).status, 'Succeeded');
  assert.deepEqual(await h.client.listOnlineEndpoints(WS_ID), []);
});
