import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { APPROVER_ROLE, approvalAction } from '../../src/catalog';
import { call, ML, SUB, at, arr, errorCode, obj, putResourceGroup, wsPath } from './client';
import { createWorkspace, header, provision, putRule, ruleStatus, start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start({ durations: { ruleWrite: 5_000 } });
});
after(() => emu.close());

const MIN = 60_000;
const rulePath = (rg: string, ws: string, rule: string) => `${wsPath(rg, ws)}/outboundRules/${rule}?${ML}`;
const getWs = async (rg: string, ws: string) => (await call(emu, 'GET', `${wsPath(rg, ws)}?${ML}`)).body;

async function approvedWorkspace(rg: string, name: string): Promise<Record<string, unknown>> {
  return createWorkspace(emu, rg, name, { properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
}

async function putDependency(rg: string, type: string, name: string, pna = 'Enabled'): Promise<string> {
  await putResourceGroup(emu, rg);
  const id = `/subscriptions/${SUB}/resourceGroups/${rg}/providers/${type}/${name}`;
  const res = await call(emu, 'PUT', `${id}?api-version=2023-05-01`, { body: { location: 'eastus', properties: { publicNetworkAccess: pna } } });
  assert.ok(res.status === 201 || res.status === 200, res.text);
  return id;
}

test('rule PUT is an LRO (202 + Location); Provisioning while running; GET/list return {id,name,type,properties}; category UserDefined', async () => {
  await approvedWorkspace('rg-r1', 'ws-r1');
  const put = await call(emu, 'PUT', rulePath('rg-r1', 'ws-r1', 'pkg-pypi'), { body: { properties: { type: 'FQDN', destination: 'pypi.org', category: 'Required' } } });
  assert.equal(put.status, 202);
  const loc = header(put, 'location');
  header(put, 'retry-after');
  assert.equal((await call(emu, 'GET', loc)).status, 202);
  const during = await call(emu, 'GET', rulePath('rg-r1', 'ws-r1', 'pkg-pypi'));
  assert.equal(at(during.body, 'properties.status'), 'Provisioning');
  emu.clock.advance(5_000);
  const final = await call(emu, 'GET', loc);
  assert.equal(final.status, 200);
  const rule = obj(final.body);
  assert.equal(rule.id, `${wsPath('rg-r1', 'ws-r1')}/outboundRules/pkg-pypi`);
  assert.equal(rule.name, 'pkg-pypi');
  assert.equal(rule.type, 'Microsoft.MachineLearningServices/workspaces/outboundRules');
  assert.equal(at(rule, 'properties.type'), 'FQDN');
  assert.equal(at(rule, 'properties.destination'), 'pypi.org');
  assert.equal(at(rule, 'properties.category'), 'UserDefined');
  assert.equal(at(rule, 'properties.status'), 'Inactive'); // network not provisioned yet
  const list = await call(emu, 'GET', `${wsPath('rg-r1', 'ws-r1')}/outboundRules?${ML}`);
  const names = arr(obj(list.body).value).map((r) => at(r, 'name'));
  assert.ok(names.includes('pkg-pypi'));
  assert.ok(names.some((n) => String(n).startsWith('__SYS_ST_')));
  const missing = await call(emu, 'GET', rulePath('rg-r1', 'ws-r1', 'nope-rule'));
  assert.equal(missing.status, 404);
});

test('FQDN and ServiceTag rules are refused in AllowInternetOutbound (only PrivateEndpoint) and every rule in Disabled', async () => {
  await createWorkspace(emu, 'rg-r2', 'ws-r2', { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } });
  const fqdn = await putRule(emu, 'rg-r2', 'ws-r2', 'pkg-pypi', { type: 'FQDN', destination: 'pypi.org' });
  assert.equal(fqdn.status, 400);
  assert.equal(errorCode(fqdn), 'ValidationError');
  assert.match(String(at(fqdn.body, 'error.message')), /Only PrivateEndpoint outbound rules are supported in AllowInternetOutbound/);
  const tag = await putRule(emu, 'rg-r2', 'ws-r2', 'tag-df', { type: 'ServiceTag', destination: { serviceTag: 'DataFactory', protocol: 'TCP', portRanges: '443' } });
  assert.equal(tag.status, 400);
  assert.match(String(at(tag.body, 'error.message')), /Only PrivateEndpoint outbound rules are supported in AllowInternetOutbound/);
  await createWorkspace(emu, 'rg-r2', 'ws-r2-off');
  const off = await putRule(emu, 'rg-r2', 'ws-r2-off', 'pkg-pypi', { type: 'FQDN', destination: 'pypi.org' });
  assert.equal(off.status, 400);
  assert.match(String(at(off.body, 'error.message')), /Disabled/);
  // Rules are also validated when set through the workspace.
  const viaPatch = await call(emu, 'PATCH', `${wsPath('rg-r2', 'ws-r2')}?${ML}`, { body: { properties: { managedNetwork: { outboundRules: { x1x: { type: 'FQDN', destination: 'a.b' } } } } } });
  assert.equal(viaPatch.status, 400);
});

test('FQDN ports: only 80/443; FQDN to Azure Storage refused (except the documented VS Code blob host); rule names validated', async () => {
  await approvedWorkspace('rg-r3', 'ws-r3');
  assert.equal((await putRule(emu, 'rg-r3', 'ws-r3', 'p8080', { type: 'FQDN', destination: 'example.com', portRanges: '8080' })).status, 400);
  assert.equal((await putRule(emu, 'rg-r3', 'ws-r3', 'p8080b', { type: 'FQDN', destination: 'example.com:8080' })).status, 400);
  assert.equal((await putRule(emu, 'rg-r3', 'ws-r3', 'p443', { type: 'FQDN', destination: 'example.com', portRanges: '80,443' })).status, 202);
  const blob = await putRule(emu, 'rg-r3', 'ws-r3', 'blob1', { type: 'FQDN', destination: 'mystorage.blob.core.windows.net' });
  assert.equal(blob.status, 400);
  assert.match(String(at(blob.body, 'error.message')), /Storage/);
  assert.equal((await putRule(emu, 'rg-r3', 'ws-r3', 'vscode-blob', { type: 'FQDN', destination: 'vscode.blob.core.windows.net' })).status, 202);
  assert.equal((await putRule(emu, 'rg-r3', 'ws-r3', 'x', { type: 'FQDN', destination: 'a.com' })).status, 400);
  assert.equal((await putRule(emu, 'rg-r3', 'ws-r3', 'bad-type', { type: 'Tunnel', destination: 'a.com' })).status, 400);
  assert.equal((await putRule(emu, 'rg-r3', 'ws-r3', 'tag-bad', { type: 'ServiceTag', destination: { serviceTag: 'X', protocol: 'SCTP', portRanges: '1' } })).status, 400);
  assert.equal((await putRule(emu, 'rg-r3', 'ws-r3', 'tag-ok', { type: 'ServiceTag', destination: { serviceTag: 'DataFactory', protocol: 'TCP', portRanges: '443' } })).status, 202);
  const sys = await call(emu, 'DELETE', rulePath('rg-r3', 'ws-r3', '__SYS_ST_AzureMonitor'));
  assert.equal(sys.status, 400);
});

test('FQDN wildcards that cover Azure Storage are refused like the policy validator refuses them (catalog storageSuffixReached)', async () => {
  await approvedWorkspace('rg-r3w', 'ws-r3w');
  for (const [name, destination] of [['core-any', '*.core.windows.net'], ['blob-any', '*.Blob.Core.Windows.Net'], ['win-any', '*.windows.net']]) {
    const r = await putRule(emu, 'rg-r3w', 'ws-r3w', name as string, { type: 'FQDN', destination });
    assert.equal(r.status, 400, destination);
    assert.match(String(at(r.body, 'error.message')), /Storage/, destination);
  }
  assert.equal((await putRule(emu, 'rg-r3w', 'ws-r3w', 'vault-any', { type: 'FQDN', destination: '*.vault.azure.net' })).status, 202);
});

test('PrivateEndpoint targets: unsupported type and bad subresource refused with the supported list', async () => {
  await approvedWorkspace('rg-r4', 'ws-r4');
  const vm = await putRule(emu, 'rg-r4', 'ws-r4', 'pe-vm', { type: 'PrivateEndpoint', destination: { serviceResourceId: `/subscriptions/${SUB}/resourceGroups/rg-r4/providers/Microsoft.Compute/virtualMachines/vm1`, subresourceTarget: 'vm' } });
  assert.equal(vm.status, 400);
  assert.match(String(at(vm.body, 'error.message')), /Microsoft\.Storage\/storageAccounts/);
  const sub = await putRule(emu, 'rg-r4', 'ws-r4', 'pe-st', { type: 'PrivateEndpoint', destination: { serviceResourceId: `/subscriptions/${SUB}/resourceGroups/rg-r4/providers/Microsoft.Storage/storageAccounts/st1`, subresourceTarget: 'vault' } });
  assert.equal(sub.status, 400);
});

test('first FQDN rule: firewallSku appears (Standard), provisioning takes 30 + 10 min, then firewallPublicIpAddress and rules Active', async () => {
  const ws = await approvedWorkspace('rg-r5', 'ws-r5');
  assert.equal(at(ws, 'properties.managedNetwork.firewallSku'), undefined);
  assert.equal((await putRule(emu, 'rg-r5', 'ws-r5', 'pkg-pypi', { type: 'FQDN', destination: 'pypi.org' })).status, 202);
  const before = await getWs('rg-r5', 'ws-r5');
  assert.equal(at(before, 'properties.managedNetwork.firewallSku'), 'Standard');
  assert.equal(at(before, 'properties.managedNetwork.firewallPublicIpAddress'), undefined);
  const p = await provision(emu, 'rg-r5', 'ws-r5');
  assert.equal(p.status, 202);
  const loc = header(p, 'location');
  emu.clock.advance(30 * MIN);
  assert.equal((await call(emu, 'GET', loc)).status, 202, 'firewall adds ~10 minutes');
  assert.equal(ruleStatus(await getWs('rg-r5', 'ws-r5'), 'pkg-pypi'), 'Inactive');
  emu.clock.advance(10 * MIN);
  const done = await call(emu, 'GET', loc);
  assert.equal(done.status, 200);
  assert.deepEqual(done.body, { status: 'Active', sparkReady: false });
  const after = await getWs('rg-r5', 'ws-r5');
  assert.match(String(at(after, 'properties.managedNetwork.firewallPublicIpAddress')), /^\d+\.\d+\.\d+\.\d+$/);
  assert.equal(ruleStatus(after, 'pkg-pypi'), 'Active');
  assert.equal(ruleStatus(after, '__SYS_ST_AzureActiveDirectory'), 'Active');
  // The next provisioning no longer pays for the firewall.
  const again = await provision(emu, 'rg-r5', 'ws-r5');
  emu.clock.advance(30 * MIN);
  assert.equal((await call(emu, 'GET', header(again, 'location'))).status, 200);
});

test('PE rule to a non-default target stays Inactive with errorInformation until the approver role is assigned at the target (or a parent) scope', async () => {
  const search = await putDependency('rg-shared-1', 'Microsoft.Search/searchServices', 'srch1', 'Disabled');
  const ws = await approvedWorkspace('rg-r6', 'ws-r6');
  const principal = String(at(ws, 'identity.principalId'));
  assert.equal((await putRule(emu, 'rg-r6', 'ws-r6', 'pe-search', { type: 'PrivateEndpoint', destination: { serviceResourceId: search, subresourceTarget: 'searchService', sparkEnabled: false } })).status, 202);
  emu.clock.advance((await provision(emu, 'rg-r6', 'ws-r6')).status === 202 ? 30 * MIN : 0);
  const before = await call(emu, 'GET', rulePath('rg-r6', 'ws-r6', 'pe-search'));
  assert.equal(at(before.body, 'properties.status'), 'Inactive');
  assert.equal(typeof at(before.body, 'properties.errorInformation.message'), 'string');
  assert.match(String(at(before.body, 'properties.errorInformation.message')), /approve/);
  // An unrelated role at the target does not help.
  const reader = await call(emu, 'PUT', `${search}/providers/Microsoft.Authorization/roleAssignments/0b5b7c52-7c8c-4f1f-9f5a-2a0c0e6c9c01?api-version=2022-04-01`, {
    body: { properties: { roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`, principalId: principal, principalType: 'ServicePrincipal' } },
  });
  assert.equal(reader.status, 201);
  assert.equal(at((await call(emu, 'GET', rulePath('rg-r6', 'ws-r6', 'pe-search'))).body, 'properties.status'), 'Inactive');
  // The approver role at the resource group of the target (a parent scope) does.
  const ra = await call(emu, 'PUT', `/subscriptions/${SUB}/resourceGroups/rg-shared-1/providers/Microsoft.Authorization/roleAssignments/5f0ab0a1-63e7-4d85-9b2a-43e0f1d2c3b4?api-version=2022-04-01`, {
    body: { properties: { roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${APPROVER_ROLE.roleDefinitionGuid}`, principalId: principal, principalType: 'ServicePrincipal' } },
  });
  assert.equal(ra.status, 201);
  const after = await call(emu, 'GET', rulePath('rg-r6', 'ws-r6', 'pe-search'));
  assert.equal(at(after.body, 'properties.status'), 'Active');
  assert.equal(at(after.body, 'properties.errorInformation'), null);
});

test('Data Factory is not covered by the approver role: a custom role with the approval action makes the rule Active; user-assigned principals count', async () => {
  const adf = await putDependency('rg-shared-2', 'Microsoft.DataFactory/factories', 'adf1');
  const uai = `/subscriptions/${SUB}/resourceGroups/rg-shared-2/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-r7`;
  const ws = await createWorkspace(emu, 'rg-r7', 'ws-r7', {
    identity: { type: 'SystemAssigned,UserAssigned', userAssignedIdentities: { [uai]: {} } },
    properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } },
  });
  const uaiPrincipal = String(at(obj(at(ws, 'identity.userAssignedIdentities'))[uai], 'principalId'));
  await putRule(emu, 'rg-r7', 'ws-r7', 'pe-adf', { type: 'PrivateEndpoint', destination: { serviceResourceId: adf, subresourceTarget: 'dataFactory' } });
  await provision(emu, 'rg-r7', 'ws-r7');
  emu.clock.advance(30 * MIN);
  const assign = async (name: string, roleGuid: string) =>
    call(emu, 'PUT', `${adf}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`, {
      body: { properties: { roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`, principalId: uaiPrincipal, principalType: 'ServicePrincipal' } },
    });
  assert.equal((await assign('6a1d0c1e-0000-4000-8000-000000000001', APPROVER_ROLE.roleDefinitionGuid)).status, 201);
  assert.equal(ruleStatus(await getWs('rg-r7', 'ws-r7'), 'pe-adf'), 'Inactive', 'the built-in role does not cover Data Factory');
  const customGuid = '7c3e4f00-1111-4222-8333-444455556666';
  const role = await call(emu, 'PUT', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${customGuid}?api-version=2022-04-01`, {
    body: { properties: { roleName: 'ADF PE approver', type: 'CustomRole', permissions: [{ actions: [approvalAction('Microsoft.DataFactory/factories')] }], assignableScopes: [`/subscriptions/${SUB}`] } },
  });
  assert.equal(role.status, 201);
  assert.equal((await assign('6a1d0c1e-0000-4000-8000-000000000002', customGuid)).status, 201);
  assert.equal(ruleStatus(await getWs('rg-r7', 'ws-r7'), 'pe-adf'), 'Active');
});

test("the workspace's default resources need no approval", async () => {
  const st = await putDependency('rg-r8', 'Microsoft.Storage/storageAccounts', 'str8');
  await createWorkspace(emu, 'rg-r8', 'ws-r8', { properties: { storageAccount: st, managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  await putRule(emu, 'rg-r8', 'ws-r8', 'pe-queue', { type: 'PrivateEndpoint', destination: { serviceResourceId: st, subresourceTarget: 'queue', sparkEnabled: true } });
  await provision(emu, 'rg-r8', 'ws-r8', true);
  emu.clock.advance(30 * MIN);
  const ws = await getWs('rg-r8', 'ws-r8');
  assert.equal(ruleStatus(ws, 'pe-queue'), 'Active');
  assert.equal(at(ws, 'properties.managedNetwork.outboundRules.pe-queue.destination.sparkStatus'), 'Active');
  assert.equal(at(ws, 'properties.managedNetwork.status.sparkReady'), true);
});

test('rule writes are one at a time (409 Conflict while one runs); DELETE is an LRO (Deleting, then gone); missing -> 204', async () => {
  await approvedWorkspace('rg-r9', 'ws-r9');
  const a = await call(emu, 'PUT', rulePath('rg-r9', 'ws-r9', 'rule-a'), { body: { properties: { type: 'FQDN', destination: 'a.example.com' } } });
  assert.equal(a.status, 202);
  const b = await call(emu, 'PUT', rulePath('rg-r9', 'ws-r9', 'rule-b'), { body: { properties: { type: 'FQDN', destination: 'b.example.com' } } });
  assert.equal(b.status, 409);
  assert.equal(errorCode(b), 'Conflict');
  emu.clock.advance(5_000);
  const del = await call(emu, 'DELETE', rulePath('rg-r9', 'ws-r9', 'rule-a'));
  assert.equal(del.status, 202);
  const loc = header(del, 'location');
  assert.equal(at((await call(emu, 'GET', rulePath('rg-r9', 'ws-r9', 'rule-a'))).body, 'properties.status'), 'Deleting');
  emu.clock.advance(5_000);
  assert.equal((await call(emu, 'GET', loc)).status, 204);
  assert.equal((await call(emu, 'GET', rulePath('rg-r9', 'ws-r9', 'rule-a'))).status, 404);
  assert.equal((await call(emu, 'DELETE', rulePath('rg-r9', 'ws-r9', 'rule-a'))).status, 204);
});

test('a Project cannot write rules (managed on the hub)', async () => {
  const hub = await createWorkspace(emu, 'rg-r10', 'hub-r10', { kind: 'Hub', properties: { managedNetwork: { isolationMode: 'AllowOnlyApprovedOutbound' } } });
  await createWorkspace(emu, 'rg-r10', 'proj-r10', { kind: 'Project', properties: { hubResourceId: hub.id } });
  await putRule(emu, 'rg-r10', 'hub-r10', 'pkg-pypi', { type: 'FQDN', destination: 'pypi.org' });
  const p = await putRule(emu, 'rg-r10', 'proj-r10', 'pkg-x', { type: 'FQDN', destination: 'x.org' });
  assert.equal(p.status, 400);
  const projRules = await call(emu, 'GET', `${wsPath('rg-r10', 'proj-r10')}/outboundRules?${ML}`);
  assert.ok(arr(obj(projRules.body).value).some((r) => at(r, 'name') === 'pkg-pypi'));
});
