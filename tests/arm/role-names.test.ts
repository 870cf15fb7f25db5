import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  roleAssignmentName,
  roleDefinitionGuid,
  roleDefinitionName,
  roleDefinitionResourceId,
  uuidV5,
} from '../../src/arm/client/role-names';

const SUB = '00000000-0000-0000-0000-000000000001';
const SCOPE = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa1`;
const PRINCIPAL = '6A0C8B3E-1F4D-4C52-9A11-2B7D4E9F0C13';
const ROLE = 'b556d68e-0be0-4f35-a333-ad7ee1ce17ea';

test('uuidV5 matches the RFC 4122 / Python uuid5 reference value', () => {
  // uuid.uuid5(uuid.NAMESPACE_DNS, 'www.example.com')
  assert.equal(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
});

test('role assignment names are deterministic, case-insensitive and role-id-form-insensitive', () => {
  const a = roleAssignmentName(SCOPE, PRINCIPAL, ROLE);
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(roleAssignmentName(SCOPE.toUpperCase() + '/', PRINCIPAL.toLowerCase(), ROLE.toUpperCase()), a);
  assert.equal(roleAssignmentName(SCOPE, PRINCIPAL, `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE}`), a);
  assert.equal(roleAssignmentName(SCOPE, PRINCIPAL, `/providers/Microsoft.Authorization/roleDefinitions/${ROLE}`), a);
});

test('different scope, principal or role give different names', () => {
  const a = roleAssignmentName(SCOPE, PRINCIPAL, ROLE);
  assert.notEqual(roleAssignmentName(`${SCOPE}x`, PRINCIPAL, ROLE), a);
  assert.notEqual(roleAssignmentName(SCOPE, '6a0c8b3e-1f4d-4c52-9a11-2b7d4e9f0c14', ROLE), a);
  assert.notEqual(roleAssignmentName(SCOPE, PRINCIPAL, 'b556d68e-0be0-4f35-a333-ad7ee1ce17eb'), a);
});

test('role definition names depend on scope and role name only', () => {
  const scope = `/subscriptions/${SUB}`;
  const n = roleDefinitionName(scope, 'mnet-autopilot private endpoint approver (Microsoft.DataFactory/factories)');
  assert.equal(roleDefinitionName(scope.toUpperCase(), 'MNET-AUTOPILOT private endpoint approver (microsoft.datafactory/factories)'), n);
  assert.notEqual(roleDefinitionName(scope, 'other'), n);
});

test('role definition ids', () => {
  assert.equal(roleDefinitionResourceId(SCOPE, ROLE), `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${ROLE}`);
  const full = `/providers/Microsoft.Authorization/roleDefinitions/${ROLE}`;
  assert.equal(roleDefinitionResourceId(SCOPE, full), full);
  assert.equal(roleDefinitionGuid(full.toUpperCase()), ROLE);
  assert.throws(() => roleDefinitionGuid('Reader'), /neither a role definition GUID/);
});
