import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWorkspaceId, parseResourceId, ResourceIdError, sameResourceId } from '../../src/arm/resource-id';

const SUB = '00000000-0000-0000-0000-000000000001';

test('parses a nested resource id', () => {
  const p = parseResourceId(`/subscriptions/${SUB}/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/ws1/computes/c1`);
  assert.equal(p.subscriptionId, SUB);
  assert.equal(p.resourceGroup, 'rg1');
  assert.equal(p.resourceType, 'Microsoft.MachineLearningServices/workspaces/computes');
  assert.deepEqual(p.names, ['ws1', 'c1']);
  assert.equal(p.name, 'c1');
});

test('rejects traversal, missing subscription GUID and odd segments', () => {
  assert.throws(() => parseResourceId(`/subscriptions/${SUB}/resourceGroups/../x`), ResourceIdError);
  assert.throws(() => parseResourceId('/subscriptions/not-a-guid'), /not a GUID/);
  assert.throws(() => parseResourceId(`/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts`), /type\/name pairs/);
  assert.throws(() => parseResourceId('subscriptions/x'), /must start/);
});

test('recognises workspace ids case-insensitively', () => {
  const id = `/subscriptions/${SUB}/resourcegroups/rg/providers/microsoft.machinelearningservices/WORKSPACES/w`;
  assert.equal(isWorkspaceId(id), true);
  assert.equal(isWorkspaceId(`${id}/computes/c`), false);
  assert.equal(sameResourceId(id, id.toUpperCase()), true);
});
