import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { APPROVER_ROLE } from '../../src/catalog';
import { call, ML, SUB, at, arr, errorCode, obj, putResourceGroup, wsPath } from './client';
import { createWorkspace, provision, start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start();
});
after(() => emu.close());

const AUTHZ = 'api-version=2022-04-01';
const LOCKS = 'api-version=2016-09-01';
const PRINCIPAL = '9a8b7c6d-0000-4000-8000-000000000001';
const roleDef = (guid: string) => `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
const assignment = (scope: string, name: string) => `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?${AUTHZ}`;
const body = (guid: string, principalId = PRINCIPAL) => ({ properties: { roleDefinitionId: roleDef(guid), principalId, principalType: 'ServicePrincipal', description: 'test' } });

test('role assignment PUT 201, same name + same content 200 (idempotent), same triple under another name 409 RoleAssignmentExists', async () => {
  await putResourceGroup(emu, 'rg-a1');
  const scope = `/subscriptions/${SUB}/resourceGroups/rg-a1`;
  const first = await call(emu, 'PUT', assignment(scope, '11111111-aaaa-4bbb-8ccc-000000000001'), { body: body(APPROVER_ROLE.roleDefinitionGuid) });
  assert.equal(first.status, 201, first.text);
  const ra = obj(first.body);
  assert.equal(ra.id, `${scope}/providers/Microsoft.Authorization/roleAssignments/11111111-aaaa-4bbb-8ccc-000000000001`);
  assert.equal(ra.type, 'Microsoft.Authorization/roleAssignments');
  assert.equal(at(ra, 'properties.scope'), scope);
  assert.equal(at(ra, 'properties.principalId'), PRINCIPAL);
  assert.equal(at(ra, 'properties.roleDefinitionId'), roleDef(APPROVER_ROLE.roleDefinitionGuid));
  const again = await call(emu, 'PUT', assignment(scope, '11111111-aaaa-4bbb-8ccc-000000000001'), { body: body(APPROVER_ROLE.roleDefinitionGuid) });
  assert.equal(again.status, 200);
  const dup = await call(emu, 'PUT', assignment(scope, '11111111-aaaa-4bbb-8ccc-000000000002'), { body: body(APPROVER_ROLE.roleDefinitionGuid) });
  assert.equal(dup.status, 409);
  assert.equal(errorCode(dup), 'RoleAssignmentExists');
  const changed = await call(emu, 'PUT', assignment(scope, '11111111-aaaa-4bbb-8ccc-000000000001'), { body: body('acdd72a7-3385-48ef-bd42-f606fba81ae7') });
  assert.equal(changed.status, 409);
  assert.equal(errorCode(changed), 'RoleAssignmentUpdateNotPermitted');
  const get = await call(emu, 'GET', assignment(scope, '11111111-aaaa-4bbb-8ccc-000000000001'));
  assert.equal(get.status, 200);
  assert.equal(emu.state.roleAssignments().length, 1);
});

test('role assignment validation: GUID name, existing role definition, principal GUID; 404 on missing', async () => {
  const scope = `/subscriptions/${SUB}`;
  assert.equal(errorCode(await call(emu, 'PUT', assignment(scope, 'not-a-guid'), { body: body(APPROVER_ROLE.roleDefinitionGuid) })), 'InvalidRoleAssignmentId');
  assert.equal(errorCode(await call(emu, 'PUT', assignment(scope, '22222222-aaaa-4bbb-8ccc-000000000001'), { body: body('00000000-1111-2222-3333-444444444444') })), 'RoleDefinitionDoesNotExist');
  assert.equal(errorCode(await call(emu, 'PUT', assignment(scope, '22222222-aaaa-4bbb-8ccc-000000000001'), { body: body(APPROVER_ROLE.roleDefinitionGuid, 'bob') })), 'InvalidPrincipalId');
  const missing = await call(emu, 'GET', assignment(scope, '22222222-aaaa-4bbb-8ccc-00000000ffff'));
  assert.equal(missing.status, 404);
  assert.equal(errorCode(missing), 'RoleAssignmentNotFound');
  const wrongVersion = await call(emu, 'GET', `${scope}/providers/Microsoft.Authorization/roleAssignments?api-version=2015-07-01`);
  assert.equal(errorCode(wrongVersion), 'InvalidApiVersionParameter');
});

test('role assignments at any scope (resource, workspace); list with atScope() and principalId filters; DELETE', async () => {
  await putResourceGroup(emu, 'rg-a2');
  const res = `/subscriptions/${SUB}/resourceGroups/rg-a2/providers/Microsoft.Storage/storageAccounts/sta2`;
  const rgScope = `/subscriptions/${SUB}/resourceGroups/rg-a2`;
  const other = '9a8b7c6d-0000-4000-8000-000000000002';
  assert.equal((await call(emu, 'PUT', assignment(res, '33333333-aaaa-4bbb-8ccc-000000000001'), { body: body(APPROVER_ROLE.roleDefinitionGuid) })).status, 201);
  assert.equal((await call(emu, 'PUT', assignment(rgScope, '33333333-aaaa-4bbb-8ccc-000000000002'), { body: body('acdd72a7-3385-48ef-bd42-f606fba81ae7', other) })).status, 201);
  const list = async (scope: string, filter?: string) => {
    const q = filter === undefined ? '' : `&$filter=${encodeURIComponent(filter)}`;
    const r = await call(emu, 'GET', `${scope}/providers/Microsoft.Authorization/roleAssignments?${AUTHZ}${q}`);
    assert.equal(r.status, 200, r.text);
    return arr(obj(r.body).value).map((x) => String(at(x, 'name')));
  };
  assert.deepEqual((await list(rgScope)).sort(), ['33333333-aaaa-4bbb-8ccc-000000000001', '33333333-aaaa-4bbb-8ccc-000000000002']);
  assert.deepEqual(await list(rgScope, 'atScope()'), ['33333333-aaaa-4bbb-8ccc-000000000002']);
  assert.deepEqual((await list(res, 'atScope()')).sort(), ['33333333-aaaa-4bbb-8ccc-000000000001', '33333333-aaaa-4bbb-8ccc-000000000002']);
  assert.deepEqual(await list(rgScope, `principalId eq '${other}'`), ['33333333-aaaa-4bbb-8ccc-000000000002']);
  assert.equal((await call(emu, 'GET', `${rgScope}/providers/Microsoft.Authorization/roleAssignments?${AUTHZ}&$filter=${encodeURIComponent("roleName eq 'x'")}`)).status, 400);
  const del = await call(emu, 'DELETE', assignment(res, '33333333-aaaa-4bbb-8ccc-000000000001'));
  assert.equal(del.status, 200);
  assert.equal(at(del.body, 'name'), '33333333-aaaa-4bbb-8ccc-000000000001');
  assert.equal((await call(emu, 'DELETE', assignment(res, '33333333-aaaa-4bbb-8ccc-000000000001'))).status, 204);
});

test('role definitions: built-in approver role readable at any scope; custom roles PUT/GET/list/delete; duplicates refused', async () => {
  const approver = await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${APPROVER_ROLE.roleDefinitionGuid}?${AUTHZ}`);
  assert.equal(approver.status, 200);
  assert.equal(at(approver.body, 'properties.roleName'), APPROVER_ROLE.name);
  assert.equal(at(approver.body, 'properties.type'), 'BuiltInRole');
  assert.equal(at(approver.body, 'id'), roleDef(APPROVER_ROLE.roleDefinitionGuid));
  const actions = arr(at(obj(arr(at(approver.body, 'properties.permissions'))[0]), 'actions'));
  assert.ok(actions.includes('Microsoft.Storage/storageAccounts/privateEndpointConnectionsApproval/action'));
  assert.ok(!actions.includes('Microsoft.DataFactory/factories/privateEndpointConnectionsApproval/action'));
  const root = await call(emu, 'GET', `/providers/Microsoft.Authorization/roleDefinitions/${APPROVER_ROLE.roleDefinitionGuid}?${AUTHZ}`);
  assert.equal(at(root.body, 'id'), `/providers/Microsoft.Authorization/roleDefinitions/${APPROVER_ROLE.roleDefinitionGuid}`);
  const byName = await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions?${AUTHZ}&$filter=${encodeURIComponent(`roleName eq '${APPROVER_ROLE.name}'`)}`);
  assert.deepEqual(arr(obj(byName.body).value).map((d) => at(d, 'name')), [APPROVER_ROLE.roleDefinitionGuid]);

  const guid = '44444444-aaaa-4bbb-8ccc-000000000001';
  const def = { properties: { roleName: 'custom approver', description: 'd', type: 'CustomRole', permissions: [{ actions: ['Microsoft.DataFactory/factories/privateEndpointConnectionsApproval/action'], notActions: [] }], assignableScopes: [`/subscriptions/${SUB}`] } };
  const put = await call(emu, 'PUT', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}?${AUTHZ}`, { body: def });
  assert.equal(put.status, 201);
  assert.equal(at(put.body, 'properties.type'), 'CustomRole');
  const clash = await call(emu, 'PUT', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/44444444-aaaa-4bbb-8ccc-000000000002?${AUTHZ}`, { body: def });
  assert.equal(clash.status, 409);
  assert.equal(errorCode(clash), 'RoleDefinitionWithSameNameExists');
  const custom = await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions?${AUTHZ}&$filter=${encodeURIComponent("type eq 'CustomRole'")}`);
  assert.deepEqual(arr(obj(custom.body).value).map((d) => at(d, 'name')), [guid]);
  await call(emu, 'PUT', assignment(`/subscriptions/${SUB}`, '44444444-aaaa-4bbb-8ccc-0000000000aa'), { body: body(guid) });
  assert.equal((await call(emu, 'DELETE', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}?${AUTHZ}`)).status, 409);
  await call(emu, 'DELETE', assignment(`/subscriptions/${SUB}`, '44444444-aaaa-4bbb-8ccc-0000000000aa'));
  assert.equal((await call(emu, 'DELETE', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}?${AUTHZ}`)).status, 200);
  assert.equal((await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${guid}?${AUTHZ}`)).status, 404);
});

test('locks: PUT/GET/list at resource group and resource scope; ReadOnly blocks writes, CanNotDelete blocks deletes (409 ScopeLocked)', async () => {
  await createWorkspace(emu, 'rg-lock', 'ws-lock');
  const rgScope = `/subscriptions/${SUB}/resourceGroups/rg-lock`;
  const put = await call(emu, 'PUT', `${rgScope}/providers/Microsoft.Authorization/locks/no-delete?${LOCKS}`, { body: { properties: { level: 'CanNotDelete', notes: 'keep' } } });
  assert.equal(put.status, 201);
  assert.deepEqual(at(put.body, 'properties'), { level: 'CanNotDelete', notes: 'keep' });
  const list = await call(emu, 'GET', `${rgScope}/providers/Microsoft.Authorization/locks?${LOCKS}`);
  assert.deepEqual(arr(obj(list.body).value).map((l) => at(l, 'name')), ['no-delete']);
  const atWs = await call(emu, 'GET', `${wsPath('rg-lock', 'ws-lock')}/providers/Microsoft.Authorization/locks?${LOCKS}`);
  assert.deepEqual(arr(obj(atWs.body).value).map((l) => at(l, 'id')), [`${rgScope}/providers/Microsoft.Authorization/locks/no-delete`]);
  // CanNotDelete: writes pass, deletes fail.
  assert.equal((await call(emu, 'PATCH', `${wsPath('rg-lock', 'ws-lock')}?${ML}`, { body: { tags: { a: 'b' } } })).status, 200);
  const del = await call(emu, 'DELETE', `${wsPath('rg-lock', 'ws-lock')}?${ML}`);
  assert.equal(del.status, 409);
  assert.equal(errorCode(del), 'ScopeLocked');
  assert.match(String(at(del.body, 'error.message')), /cannot perform delete operation because following scope\(s\) are locked/);
  // A lock makes managed network provisioning fail (the service's internal operations are blocked).
  await call(emu, 'PATCH', `${wsPath('rg-lock', 'ws-lock')}?${ML}`, { body: { properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } } });
  const prov = await provision(emu, 'rg-lock', 'ws-lock');
  assert.equal(prov.status, 202);
  emu.clock.advance(30 * 60_000);
  const st = await call(emu, 'GET', String(prov.headers['azure-asyncoperation']));
  assert.equal(at(st.body, 'status'), 'Failed');
  assert.equal(at(st.body, 'error.code'), 'ScopeLocked');
  // ReadOnly: every write fails.
  await call(emu, 'PUT', `${wsPath('rg-lock', 'ws-lock')}/providers/Microsoft.Authorization/locks/ro?${LOCKS}`, { body: { properties: { level: 'ReadOnly' } } });
  const patch = await call(emu, 'PATCH', `${wsPath('rg-lock', 'ws-lock')}?${ML}`, { body: { tags: {} } });
  assert.equal(patch.status, 409);
  assert.equal(errorCode(patch), 'ScopeLocked');
  assert.equal(errorCode(await provision(emu, 'rg-lock', 'ws-lock')), 'ScopeLocked');
  assert.equal((await call(emu, 'GET', `${wsPath('rg-lock', 'ws-lock')}?${ML}`)).status, 200);
  assert.equal(emu.state.locks().length, 2);
  assert.equal((await call(emu, 'DELETE', `${rgScope}/providers/Microsoft.Authorization/locks/no-delete?${LOCKS}`)).status, 200);
  assert.equal((await call(emu, 'GET', `${rgScope}/providers/Microsoft.Authorization/locks/no-delete?${LOCKS}`)).status, 404);
});
