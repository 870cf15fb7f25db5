import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPROVER_ROLE, DEPLOYER_REQUIRED_ACTIONS } from '../../src/catalog/approver-role';
import { findPrivateEndpointTargetType } from '../../src/catalog/private-endpoint-targets';

test('the built-in approver role: name and GUID', () => {
  assert.equal(APPROVER_ROLE.name, 'Azure AI Enterprise Network Connection Approver');
  assert.equal(APPROVER_ROLE.roleDefinitionGuid, 'b556d68e-0be0-4f35-a333-ad7ee1ce17ea');
});

test('approver coverage: Storage and Key Vault covered; Data Factory and Databricks not', () => {
  const covers = (type: string) => findPrivateEndpointTargetType(type)?.approverRoleCovers;
  assert.equal(covers('Microsoft.Storage/storageAccounts'), true);
  assert.equal(covers('microsoft.keyvault/VAULTS'), true, 'types compare without case');
  assert.equal(covers('Microsoft.DataFactory/factories'), false);
  assert.equal(covers('Microsoft.Databricks/workspaces'), false);
});

test('the deploying identity needs private endpoint connection read and write on the workspace', () => {
  assert.deepEqual([...DEPLOYER_REQUIRED_ACTIONS], [
    'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/read',
    'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections/write',
  ]);
});
