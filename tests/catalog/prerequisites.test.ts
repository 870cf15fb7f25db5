import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CREATABLE_WORKSPACE_KINDS, REQUIRED_RESOURCE_PROVIDER, RESOURCE_GROUP_NAME_PATTERN, WORKSPACE_KINDS } from '../../src/catalog/prerequisites';

test('Microsoft.Network must be registered', () => {
  assert.equal(REQUIRED_RESOURCE_PROVIDER, 'Microsoft.Network');
});

test('resource group names: 1-90 of letters (Unicode too), digits, - _ . ( ); not ending with "."', () => {
  for (const ok of ['rg', 'r', 'rg-ml.prod_(1)', 'rg-müller', 'x'.repeat(90)]) assert.equal(RESOURCE_GROUP_NAME_PATTERN.test(ok), true, ok);
  for (const bad of ['', 'rg.', 'rg ml', 'rg/ml', 'x'.repeat(91)]) assert.equal(RESOURCE_GROUP_NAME_PATTERN.test(bad), false, bad);
});

test('workspace kinds: the product creates Default, Hub and Project', () => {
  assert.deepEqual([...CREATABLE_WORKSPACE_KINDS], ['Default', 'Hub', 'Project']);
  assert.deepEqual([...WORKSPACE_KINDS], ['Default', 'Hub', 'Project', 'FeatureStore']);
});
