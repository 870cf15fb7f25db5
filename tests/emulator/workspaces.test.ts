import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, ML, SUB, at, arr, errorCode, obj, putResourceGroup, wsPath } from './client';
import { createWorkspace, header, patchMode, start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start({ pageSize: 3 });
});
after(() => emu.close());

const STORAGE = (rg: string, name: string) => `/subscriptions/${SUB}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${name}`;

test('workspace PUT is an LRO: 202 + Location + Azure-AsyncOperation + Retry-After, Creating then Succeeded', async () => {
  await putResourceGroup(emu, 'rg-create');
  const put = await call(emu, 'PUT', `${wsPath('rg-create', 'ws-create')}?${ML}`, {
    body: { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { friendlyName: 'Create me', storageAccount: STORAGE('rg-create', 'stcreate') } },
  });
  assert.equal(put.status, 202);
  assert.equal(header(put, 'retry-after'), '10');
  const location = header(put, 'location');
  const asyncOp = header(put, 'azure-asyncoperation');
  for (const u of [location, asyncOp]) assert.ok(u.startsWith(`${emu.url}/`), u);
  const during = await call(emu, 'GET', `${wsPath('rg-create', 'ws-create')}?${ML}`);
  assert.equal(at(during.body, 'properties.provisioningState'), 'Creating');
  assert.equal(at((await call(emu, 'GET', asyncOp)).body, 'status'), 'InProgress');
  assert.equal((await call(emu, 'GET', location)).status, 202);
  emu.clock.advance(60_000);
  const st = obj((await call(emu, 'GET', asyncOp)).body);
  assert.equal(st.status, 'Succeeded');
  assert.equal(typeof st.id, 'string');
  assert.equal(typeof st.name, 'string');
  const final = await call(emu, 'GET', location);
  assert.equal(final.status, 200);
  const ws = obj(final.body);
  assert.equal(ws.id, wsPath('rg-create', 'ws-create'));
  assert.equal(ws.type, 'Microsoft.MachineLearningServices/workspaces');
  assert.equal(ws.kind, 'Default');
  assert.match(String(ws.etag), /^".+"$/);
  assert.equal(at(ws, 'identity.type'), 'SystemAssigned');
  assert.match(String(at(ws, 'identity.principalId')), /^[0-9a-f-]{36}$/);
  assert.equal(at(ws, 'identity.tenantId'), '00000000-0000-0000-0000-0000000000aa');
  assert.equal(at(ws, 'properties.managedNetwork.isolationMode'), 'Disabled');
  assert.deepEqual(at(ws, 'properties.managedNetwork.outboundRules'), {});
  assert.deepEqual(at(ws, 'properties.managedNetwork.status'), { status: 'Inactive', sparkReady: false });
  assert.deepEqual(at(ws, 'properties.managedNetwork.changeableIsolationModes'), ['AllowInternetOutbound', 'AllowOnlyApprovedOutbound']);
  assert.equal(at(ws, 'properties.friendlyName'), 'Create me');
});

test('workspace names and location are validated', async () => {
  await putResourceGroup(emu, 'rg-valid');
  const badName = await call(emu, 'PUT', `${wsPath('rg-valid', '-x')}?${ML}`, { body: { location: 'eastus' } });
  assert.equal(badName.status, 400);
  const noLoc = await call(emu, 'PUT', `${wsPath('rg-valid', 'ws-noloc')}?${ML}`, { body: { properties: {} } });
  assert.equal(noLoc.status, 400);
  assert.equal(errorCode(noLoc), 'LocationRequired');
});

test('etag changes on every write; If-Match mismatch is 412 PreconditionFailed; a match succeeds', async () => {
  const ws = await createWorkspace(emu, 'rg-etag', 'ws-etag');
  const etag = String(ws.etag);
  const bad = await call(emu, 'PATCH', `${wsPath('rg-etag', 'ws-etag')}?${ML}`, { body: { tags: { a: 'b' } }, headers: { 'if-match': '"not-the-etag"' } });
  assert.equal(bad.status, 412);
  assert.equal(errorCode(bad), 'PreconditionFailed');
  const ok = await call(emu, 'PATCH', `${wsPath('rg-etag', 'ws-etag')}?${ML}`, { body: { tags: { a: 'b' } }, headers: { 'if-match': etag } });
  assert.equal(ok.status, 200);
  assert.deepEqual(at(ok.body, 'tags'), { a: 'b' });
  assert.notEqual(at(ok.body, 'etag'), etag);
  assert.equal(header(ok, 'etag'), at(ok.body, 'etag'));
  const stale = await call(emu, 'PUT', `${wsPath('rg-etag', 'ws-etag')}?${ML}`, { body: { location: 'eastus', properties: {} }, headers: { 'if-match': etag } });
  assert.equal(stale.status, 412);
  const star = await call(emu, 'PATCH', `${wsPath('rg-etag', 'ws-etag')}?${ML}`, { body: { tags: {} }, headers: { 'if-match': '*' } });
  assert.equal(star.status, 200);
  const noneMatch = await call(emu, 'PUT', `${wsPath('rg-etag', 'ws-etag')}?${ML}`, { body: { location: 'eastus' }, headers: { 'if-none-match': '*' } });
  assert.equal(noneMatch.status, 412);
});

test('PATCH sets publicNetworkAccess, imageBuildCompute (empty resets), firewallSku; Premium is refused', async () => {
  await createWorkspace(emu, 'rg-patch', 'ws-patch');
  const p = await call(emu, 'PATCH', `${wsPath('rg-patch', 'ws-patch')}?${ML}`, { body: { properties: { publicNetworkAccess: 'Disabled', imageBuildCompute: 'cpu-cluster' } } });
  assert.equal(p.status, 200);
  assert.equal(at(p.body, 'properties.publicNetworkAccess'), 'Disabled');
  assert.equal(at(p.body, 'properties.imageBuildCompute'), 'cpu-cluster');
  const reset = await call(emu, 'PATCH', `${wsPath('rg-patch', 'ws-patch')}?${ML}`, { body: { properties: { imageBuildCompute: '' } } });
  assert.equal(at(reset.body, 'properties.imageBuildCompute'), undefined);
  const prem = await call(emu, 'PATCH', `${wsPath('rg-patch', 'ws-patch')}?${ML}`, { body: { properties: { managedNetwork: { firewallSku: 'Premium' } } } });
  assert.equal(prem.status, 400);
  const basic = await call(emu, 'PATCH', `${wsPath('rg-patch', 'ws-patch')}?${ML}`, { body: { properties: { managedNetwork: { firewallSku: 'Basic' } } } });
  assert.equal(at(basic.body, 'properties.managedNetwork.firewallSku'), 'Basic');
});

test('mode transitions: Disabled -> internet -> approved allowed; back to Disabled or to internet refused with ValidationError', async () => {
  await createWorkspace(emu, 'rg-mode', 'ws-mode');
  const toInternet = await patchMode(emu, 'rg-mode', 'ws-mode', 'AllowInternetOutbound');
  assert.equal(toInternet.status, 200);
  assert.deepEqual(at(toInternet.body, 'properties.managedNetwork.changeableIsolationModes'), ['AllowOnlyApprovedOutbound']);
  const disable = await patchMode(emu, 'rg-mode', 'ws-mode', 'Disabled');
  assert.equal(disable.status, 400);
  assert.deepEqual(obj(disable.body).error && { code: errorCode(disable), message: at(disable.body, 'error.message') }, {
    code: 'ValidationError',
    message: 'Managed network cannot be disabled once enabled.',
  });
  const toApproved = await patchMode(emu, 'rg-mode', 'ws-mode', 'AllowOnlyApprovedOutbound');
  assert.equal(toApproved.status, 200);
  const back = await patchMode(emu, 'rg-mode', 'ws-mode', 'AllowInternetOutbound');
  assert.equal(back.status, 400);
  assert.equal(errorCode(back), 'ValidationError');
  const disable2 = await patchMode(emu, 'rg-mode', 'ws-mode', 'Disabled');
  assert.equal(at(disable2.body, 'error.message'), 'Managed network cannot be disabled once enabled.');
  const viaPut = await call(emu, 'PUT', `${wsPath('rg-mode', 'ws-mode')}?${ML}`, { body: { location: 'eastus', properties: { managedNetwork: { isolationMode: 'Disabled' } } } });
  assert.equal(viaPut.status, 400);
  assert.equal(at((await call(emu, 'GET', `${wsPath('rg-mode', 'ws-mode')}?${ML}`)).body, 'properties.managedNetwork.isolationMode'), 'AllowOnlyApprovedOutbound');
  const junk = await patchMode(emu, 'rg-mode', 'ws-mode', 'Sometimes');
  assert.equal(junk.status, 400);
});

test('Required rules: approved mode has service tags + PEs to workspace/storage/key vault/registry; internet mode only PEs to non-public ones', async () => {
  await putResourceGroup(emu, 'rg-req');
  const dep = (type: string, name: string) => `/subscriptions/${SUB}/resourceGroups/rg-req/providers/${type}/${name}`;
  for (const [type, name, pna] of [
    ['Microsoft.Storage/storageAccounts', 'streq', 'Disabled'],
    ['Microsoft.KeyVault/vaults', 'kv-req', 'Enabled'],
    ['Microsoft.ContainerRegistry/registries', 'crreq', 'Enabled'],
  ] as const) {
    await call(emu, 'PUT', `${dep(type, name)}?api-version=2023-05-01`, { body: { location: 'eastus', properties: { publicNetworkAccess: pna } } });
  }
  const props = {
    storageAccount: dep('Microsoft.Storage/storageAccounts', 'streq'),
    keyVault: dep('Microsoft.KeyVault/vaults', 'kv-req'),
    containerRegistry: dep('Microsoft.ContainerRegistry/registries', 'crreq'),
    managedNetwork: { isolationMode: 'AllowInternetOutbound' },
  };
  const ws = await createWorkspace(emu, 'rg-req', 'ws-req', { properties: props });
  const rules = obj(at(ws, 'properties.managedNetwork.outboundRules'));
  const names = Object.keys(rules).sort();
  assert.deepEqual(names, ['__SYS_PE_streq_blob', '__SYS_PE_streq_file']);
  for (const r of Object.values(rules)) {
    assert.equal(at(r, 'category'), 'Required');
    assert.equal(at(r, 'type'), 'PrivateEndpoint');
    assert.equal(at(r, 'status'), 'Inactive');
  }
  const approved = await patchMode(emu, 'rg-req', 'ws-req', 'AllowOnlyApprovedOutbound');
  const r2 = obj(at(approved.body, 'properties.managedNetwork.outboundRules'));
  const tags = Object.values(r2).filter((r) => at(r, 'type') === 'ServiceTag').map((r) => at(r, 'destination.serviceTag'));
  assert.deepEqual(tags.sort(), ['AzureActiveDirectory', 'AzureFrontDoor.FirstParty', 'AzureMachineLearning', 'AzureMonitor', 'AzureResourceManager', 'BatchNodeManagement.eastus', 'MicrosoftContainerRegistry', 'VirtualNetwork']);
  const pes = Object.values(r2).filter((r) => at(r, 'type') === 'PrivateEndpoint').map((r) => `${String(at(r, 'destination.serviceResourceId')).split('/').pop()}:${String(at(r, 'destination.subresourceTarget'))}`);
  assert.deepEqual(pes.sort(), ['crreq:registry', 'kv-req:vault', 'streq:blob', 'streq:file', 'ws-req:amlworkspace']);
  assert.ok(Object.values(r2).every((r) => at(r, 'category') === 'Required'));
});

test('list by subscription and by resource group page with nextLink; kind filter', async () => {
  await createWorkspace(emu, 'rg-list', 'ws-list-1');
  await createWorkspace(emu, 'rg-list', 'ws-list-2');
  await createWorkspace(emu, 'rg-list', 'ws-list-3');
  await createWorkspace(emu, 'rg-list', 'ws-list-hub', { kind: 'Hub' });
  const seen: string[] = [];
  let next: string | undefined = `/subscriptions/${SUB}/resourceGroups/rg-list/providers/Microsoft.MachineLearningServices/workspaces?${ML}`;
  let pages = 0;
  while (next !== undefined) {
    const res = await call(emu, 'GET', next);
    assert.equal(res.status, 200, res.text);
    const body = obj(res.body);
    for (const w of arr(body.value)) seen.push(String(at(w, 'name')));
    next = body.nextLink as string | undefined;
    if (next !== undefined) assert.ok(next.startsWith(`${emu.url}/`));
    pages++;
  }
  assert.equal(pages, 2);
  assert.deepEqual(seen.sort(), ['ws-list-1', 'ws-list-2', 'ws-list-3', 'ws-list-hub']);
  const bySub = await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.MachineLearningServices/workspaces?${ML}&kind=Hub`);
  assert.deepEqual(arr(obj(bySub.body).value).map((w) => at(w, 'name')), ['ws-list-hub']);
});

test('DELETE is an LRO: 202 + Location, Deleting, then gone (404) and Location 204; missing -> 204', async () => {
  await createWorkspace(emu, 'rg-del', 'ws-del');
  const del = await call(emu, 'DELETE', `${wsPath('rg-del', 'ws-del')}?${ML}`);
  assert.equal(del.status, 202);
  const loc = header(del, 'location');
  assert.equal(at((await call(emu, 'GET', `${wsPath('rg-del', 'ws-del')}?${ML}`)).body, 'properties.provisioningState'), 'Deleting');
  emu.clock.advance(2 * 60_000 - 1);
  assert.equal((await call(emu, 'GET', loc)).status, 202);
  emu.clock.advance(1);
  assert.equal((await call(emu, 'GET', loc)).status, 204);
  assert.equal((await call(emu, 'GET', `${wsPath('rg-del', 'ws-del')}?${ML}`)).status, 404);
  assert.equal((await call(emu, 'DELETE', `${wsPath('rg-del', 'ws-del')}?${ML}`)).status, 204);
});

test('Hub and Project: a project needs an existing hub and reports the hub network', async () => {
  const hub = await createWorkspace(emu, 'rg-hub', 'hub1', { kind: 'Hub', properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  const noHub = await call(emu, 'PUT', `${wsPath('rg-hub', 'proj0')}?${ML}`, { body: { location: 'eastus', kind: 'Project', properties: {} } });
  assert.equal(noHub.status, 400);
  const proj = await createWorkspace(emu, 'rg-hub', 'proj1', { kind: 'Project', properties: { hubResourceId: hub.id } });
  assert.equal(at(proj, 'properties.managedNetwork.isolationMode'), 'AllowOnlyApprovedOutbound');
  assert.equal(at(proj, 'properties.hubResourceId'), hub.id);
  const own = await patchMode(emu, 'rg-hub', 'proj1', 'AllowInternetOutbound');
  assert.equal(own.status, 400);
  const delHub = await call(emu, 'DELETE', `${wsPath('rg-hub', 'hub1')}?${ML}`);
  assert.equal(delHub.status, 409);
});

test('identity: user-assigned principals are minted per identity resource and survive updates', async () => {
  const uai = `/subscriptions/${SUB}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1`;
  const ws = await createWorkspace(emu, 'rg-id', 'ws-id', { identity: { type: 'SystemAssigned,UserAssigned', userAssignedIdentities: { [uai]: {} } } });
  const principal = at(ws, 'identity.principalId');
  const uaiPrincipal = at(ws, `identity.userAssignedIdentities`);
  assert.match(String(at(obj(uaiPrincipal)[uai], 'principalId')), /^[0-9a-f-]{36}$/);
  const again = await call(emu, 'PATCH', `${wsPath('rg-id', 'ws-id')}?${ML}`, { body: { tags: { x: 'y' } } });
  assert.equal(at(again.body, 'identity.principalId'), principal);
});
