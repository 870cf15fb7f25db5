import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { APPROVER_ROLE, customApproverRoleActions, customApproverRoleName } from '../../src/catalog/approver-role';
import { ArmError, roleAssignmentName, roleDefinitionName } from '../../src/arm/client';
import { RG, SUB, WS_ID, rawArmRequest, seedWorkspace, startHarness, type Harness } from './harness';

let h: Harness;
const SA = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/satarget01`;
const PRINCIPAL = '0f4e9a2b-7c1d-4e83-8b5a-9d2c6e1f3a70';

before(async () => {
  h = await startHarness();
  await seedWorkspace(h);
  await h.client.putDependency('storageAccount', SA, { location: 'westeurope', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: {} });
});
after(async () => h.close());

test('role assignment of the built-in approver role: created once, then a no-op under the same deterministic name', async () => {
  const input = { scope: SA, principalId: PRINCIPAL, roleDefinitionId: APPROVER_ROLE.roleDefinitionGuid, description: 'mnet-autopilot: approve private endpoints' };
  const first = await h.client.putRoleAssignment(input);
  assert.deepEqual([first.created, first.alreadyExisted], [true, false]);
  assert.equal(first.name, roleAssignmentName(SA, PRINCIPAL, APPROVER_ROLE.roleDefinitionGuid));
  const second = await h.client.putRoleAssignment(input);
  assert.deepEqual([second.created, second.alreadyExisted, second.name], [false, true, first.name]);
  assert.equal(h.emu.state.roleAssignments().length, 1);

  const got = await h.client.getRoleAssignment(SA, first.name);
  assert.equal(got.properties.principalId, PRINCIPAL);
  assert.match(got.properties.roleDefinitionId, new RegExp(`${APPROVER_ROLE.roleDefinitionGuid}$`));
});

test('409 RoleAssignmentExists (same grant made by hand under another name) is counted as done, with one request', async () => {
  const other = '9e8d7c6b-5a49-4382-9170-f6e5d4c3b2a1';
  const manual = await rawArmRequest(h, 'PUT', `${SA}/providers/Microsoft.Authorization/roleAssignments/11111111-2222-4333-8444-555555555555?api-version=2022-04-01`, {
    properties: { roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${APPROVER_ROLE.roleDefinitionGuid}`, principalId: other, principalType: 'ServicePrincipal' },
  });
  assert.equal(manual.status, 201);
  const before = h.emu.requests().length;
  const result = await h.client.putRoleAssignment({ scope: SA, principalId: other, roleDefinitionId: APPROVER_ROLE.roleDefinitionGuid });
  assert.deepEqual([result.created, result.alreadyExisted], [false, true]);
  const sent = h.emu.requests().slice(before);
  assert.deepEqual(sent.map((r) => [r.method, r.status]), [['PUT', 409]]);
});

test('list role assignments at a scope, filtered by principal', async () => {
  const mine = await h.client.listRoleAssignments(SA, { principalId: PRINCIPAL.toUpperCase() });
  assert.equal(mine.length, 1);
  assert.equal(mine[0]?.properties.principalId, PRINCIPAL);
  const all = await h.client.listRoleAssignments(SA);
  assert.ok(all.length >= 2);
  const filterSent = h.emu.requests().filter((r) => r.path.endsWith('/roleAssignments')).map((r) => r.query['$filter']);
  assert.ok(filterSent.includes(`principalId eq '${PRINCIPAL}'`));
});

test('custom approver role definition: deterministic name, PUT twice updates the same definition, then assignable', async () => {
  const scope = `/subscriptions/${SUB}`;
  const type = 'Microsoft.DataFactory/factories';
  const input = { scope, roleName: customApproverRoleName(type), description: 'approve private endpoints on data factories', actions: customApproverRoleActions(type) };
  const def = await h.client.putRoleDefinition(input);
  const name = roleDefinitionName(scope, input.roleName);
  assert.equal(def.name, name);
  assert.deepEqual(def.properties.permissions[0]?.actions, customApproverRoleActions(type));
  assert.deepEqual(def.properties.assignableScopes, [scope]);
  const again = await h.client.putRoleDefinition({ ...input, description: 'updated' });
  assert.equal(again.name, name);
  assert.equal((await h.client.getRoleDefinition(scope, name)).properties.description, 'updated');
  assert.equal(h.emu.state.roleDefinitions().filter((d) => d.properties.roleName === input.roleName).length, 1);

  const grant = await h.client.putRoleAssignment({ scope: SA, principalId: PRINCIPAL, roleDefinitionId: `${scope}/providers/Microsoft.Authorization/roleDefinitions/${name}` });
  assert.equal(grant.created, true);
  await assert.rejects(h.client.getRoleDefinition(scope, '00000000-0000-4000-8000-000000000000'), (e: unknown) => e instanceof ArmError && e.isNotFound);
});

test('locks at the resource group and at the workspace', async () => {
  h.emu.state.addLock(`/subscriptions/${SUB}/resourceGroups/${RG}`, 'no-delete', 'CanNotDelete', 'keep');
  h.emu.state.addLock(WS_ID, 'read-only', 'ReadOnly');
  const rgLocks = await h.client.listLocks(`/subscriptions/${SUB}/resourceGroups/${RG}`);
  assert.ok(rgLocks.some((l) => l.name === 'no-delete' && l.properties.level === 'CanNotDelete'));
  const wsLocks = await h.client.listLocks(WS_ID);
  assert.ok(wsLocks.some((l) => l.name === 'read-only' && l.properties.level === 'ReadOnly'));
  const lockPaths = h.emu.requests().filter((r) => r.path.endsWith('/locks')).map((r) => r.query['api-version']);
  assert.deepEqual([...new Set(lockPaths)], ['2016-09-01']);
});

test('Resource Graph over the emulator: workspaces with their managed network, across pages', async () => {
  for (const name of ['ws2', 'ws3', 'ws4']) {
    await h.client.createWorkspaceAndWait(WS_ID.replace('ws1', name), { location: 'westeurope', properties: { managedNetwork: { isolationMode: 'AllowInternetOutbound' } } });
  }
  const before = h.emu.requests().length;
  const rows = await h.client.queryResourceGraph<{ id: string; name: string; properties: { managedNetwork?: { isolationMode?: string } } }>(
    "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project id, name, properties | order by id asc",
    [SUB],
    { pageSize: 3 },
  );
  assert.deepEqual(rows.map((r) => r.name), ['ws1', 'ws2', 'ws3', 'ws4']);
  assert.equal(rows[1]?.properties.managedNetwork?.isolationMode, 'AllowInternetOutbound');
  assert.equal(h.emu.requests().length - before, 2, 'two pages of three');
  await assert.rejects(h.client.queryResourceGraph('resources | summarize count()', [SUB]), (e: unknown) => e instanceof ArmError && e.status === 400 && e.operation === 'queryResourceGraph');
});
