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

test('PATCH changes only the patched properties; managed-network rules and firewall SKU survive', async () => {
  // Setup: an approved-outbound network with a firewall SKU and user-defined rules, so that a lost one shows.
  await h.client.patchWorkspaceNetwork(WS_ID, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', firewallSku: 'Basic' } } });
  await h.client.putOutboundRule(WS_ID, 'pypi', { type: 'FQDN', destination: 'pypi.org', category: 'UserDefined' });
  await h.client.putOutboundRule(WS_ID, 'conda', { type: 'FQDN', destination: '*.anaconda.com', category: 'UserDefined' });
  const beforeState = structuredClone(h.emu.state.getWorkspace(WS_ID));
  assert.ok(beforeState);
  const userRules = (w: typeof beforeState) =>
    Object.entries(w.properties.managedNetwork?.outboundRules ?? {}).filter(([, r]) => r.category === 'UserDefined').map(([n]) => n).sort();
  assert.deepEqual(userRules(beforeState), ['conda', 'pypi'], 'the test really has user rules to lose');
  const mark = h.emu.requests().length;

  const updated = await h.client.patchWorkspaceNetwork(WS_ID, {
    properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' }, publicNetworkAccess: 'Disabled' },
  });
  assert.equal(updated.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound');
  const afterState = structuredClone(h.emu.state.getWorkspace(WS_ID));
  assert.ok(afterState);

  const sent = h.emu.requests().slice(mark);
  const patch = sent.filter((r) => r.method === 'PATCH');
  assert.equal(patch.length, 1);
  assert.equal(sent[0]?.method, 'GET', 'the workspace is read before a managed-network PATCH');
  // The current firewall SKU is re-sent: a service that replaces managedNetwork would otherwise reset it.
  assert.deepEqual(patch[0]?.body, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound', firewallSku: 'Basic' }, publicNetworkAccess: 'Disabled' } });

  // The managed network (mode, firewall SKU, every rule with its destination) is unchanged.
  const network = (w: typeof afterState) => {
    const mn = structuredClone(w.properties.managedNetwork ?? {});
    return { isolationMode: mn.isolationMode, firewallSku: mn.firewallSku, outboundRules: mn.outboundRules };
  };
  assert.deepEqual(network(afterState), network(beforeState));
  assert.deepEqual(userRules(afterState), ['conda', 'pypi']);
  assert.equal(afterState.properties.managedNetwork?.firewallSku, 'Basic');

  // Everything but the patched field (and what the service recomputes on a write) is identical.
  const strip = (w: typeof afterState) => {
    const c = structuredClone(w) as Record<string, unknown> & { properties: Record<string, unknown> };
    delete c['etag'];
    delete c['systemData'];
    delete c.properties['publicNetworkAccess'];
    return c;
  };
  assert.deepEqual(strip(afterState), strip(beforeState));
  assert.notEqual(beforeState.properties.publicNetworkAccess, 'Disabled', 'the test really changed something');
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
  // One read before the write, and the refused PATCH is sent exactly once.
  assert.deepEqual(h.emu.requests().slice(before).map((r) => r.method), ['GET', 'PATCH']);
});

test('a 404 is an ArmError with isNotFound', async () => {
  await assert.rejects(h.client.getWorkspace(WS_ID.replace('ws1', 'nope')), (e: unknown) => e instanceof ArmError && e.isNotFound);
});
