import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmError } from '../../src/arm/client';
import { RG, SUB, WS_ID, seedWorkspace, startHarness, type Harness } from './harness';

let h: Harness;
before(async () => {
  h = await startHarness();
  await seedWorkspace(h);
});
after(async () => h.close());

test('the client authenticates with a bearer token and trusts the emulator CA', async () => {
  const ws = await h.client.getWorkspace(WS_ID);
  assert.equal(ws.name, 'ws1');
  assert.ok(h.tokenRequests() >= 1);
});

test('resource groups: create and get', async () => {
  const rg = await h.client.getResourceGroup(SUB, RG);
  assert.equal(rg.name, RG);
  assert.equal(rg.location, 'westeurope');
});

test('workspaces: create waited for, get, list by subscription and by resource group', async () => {
  const ws = await h.client.getWorkspace(WS_ID);
  assert.equal(ws.properties.provisioningState, 'Succeeded');
  assert.deepEqual(ws.tags, { team: 'research' });
  const bySub = await h.client.listWorkspaces(SUB);
  assert.deepEqual(bySub.map((w) => w.name), ['ws1']);
  const byRg = await h.client.listWorkspacesInResourceGroup(SUB, RG);
  assert.deepEqual(byRg.map((w) => w.name), ['ws1']);
  assert.deepEqual(await h.client.listWorkspacesInResourceGroup(SUB, 'rg-other').catch((e: unknown) => e instanceof ArmError ? e.code : e), 'ResourceGroupNotFound');
});

test('creating a workspace that exists is refused without a PUT', async () => {
  const before = h.emu.requests().length;
  await assert.rejects(h.client.beginCreateWorkspace(WS_ID, { location: 'westeurope', properties: {} }), (e: unknown) => {
    assert.ok(e instanceof ArmError);
    assert.equal(e.code, 'ResourceAlreadyExists');
    assert.equal(e.isConflict, true);
    return true;
  });
  const sent = h.emu.requests().slice(before);
  assert.deepEqual(sent.map((r) => r.method), ['GET']);
});

test('PATCH changes only the managed-network properties; every other property is untouched', async () => {
  const beforeState = structuredClone(h.emu.state.getWorkspace(WS_ID));
  assert.ok(beforeState);
  const updated = await h.client.patchWorkspaceNetwork(WS_ID, {
    properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' }, publicNetworkAccess: 'Disabled' },
  });
  assert.equal(updated.properties.managedNetwork?.isolationMode, 'AllowInternetOutbound');
  const afterState = structuredClone(h.emu.state.getWorkspace(WS_ID));
  assert.ok(afterState);

  const patch = h.emu.requests().filter((r) => r.method === 'PATCH');
  assert.equal(patch.length, 1);
  assert.deepEqual(patch[0]?.body, { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' }, publicNetworkAccess: 'Disabled' } });

  // Everything but the patched fields (and what the service recomputes on a write) is identical.
  const strip = (w: typeof afterState) => {
    const c = structuredClone(w) as Record<string, unknown> & { properties: Record<string, unknown> };
    delete c['etag'];
    delete c['systemData'];
    delete c.properties['managedNetwork'];
    delete c.properties['publicNetworkAccess'];
    return c;
  };
  assert.deepEqual(strip(afterState), strip(beforeState));
  assert.notEqual(beforeState.properties.publicNetworkAccess, 'Disabled', 'the test really changed something');
  assert.equal(afterState.properties.managedNetwork?.firewallSku, beforeState.properties.managedNetwork?.firewallSku);
});

test('If-Match: a stale etag surfaces as a typed 412', async () => {
  const ws = await h.client.getWorkspace(WS_ID);
  assert.ok(ws.etag);
  await h.client.patchWorkspaceNetwork(WS_ID, { properties: { imageBuildCompute: 'cpu-cluster' } }, { ifMatch: ws.etag });
  await assert.rejects(
    h.client.patchWorkspaceNetwork(WS_ID, { properties: { imageBuildCompute: '' } }, { ifMatch: ws.etag }),
    (e: unknown) => e instanceof ArmError && e.status === 412 && e.isPreconditionFailed && e.method === 'PATCH',
  );
  const ifMatch = h.emu.requests().filter((r) => r.method === 'PATCH').length;
  assert.ok(ifMatch >= 3);
});

test('a 400 is not retried: exactly one request, and the error names the resource and cause', async () => {
  await h.client.patchWorkspaceNetwork(WS_ID, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  const before = h.emu.requests().length;
  const err = await h.client
    .patchWorkspaceNetwork(WS_ID, { properties: { managedNetwork: { isolationMode: 'Disabled' } } })
    .then(() => assert.fail('expected a ValidationError'), (e: unknown) => e);
  assert.ok(err instanceof ArmError);
  assert.equal(err.status, 400);
  assert.equal(err.code, 'ValidationError');
  assert.equal(err.operation, 'writeWorkspace');
  assert.equal(err.resourceId, WS_ID);
  assert.equal(err.isRetryable, false);
  assert.match(err.userMessage(), /^PATCH workspace ws1 failed: ValidationError — .+/);
  assert.equal(h.emu.requests().length - before, 1);
});

test('a 404 is an ArmError with isNotFound', async () => {
  await assert.rejects(h.client.getWorkspace(WS_ID.replace('ws1', 'nope')), (e: unknown) => e instanceof ArmError && e.isNotFound);
});
