import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REQUIRED_INBOUND_SERVICE_TAG,
  REQUIRED_OUTBOUND_SERVICE_TAGS,
  REQUIRED_SERVICE_TAG_WITH_PRIVATE_ENDPOINTS,
  SERVICE_PORTS,
  WORKSPACE_DEFAULT_RESOURCE_PROPERTIES,
  expandRegion,
  workspaceDefaultResourceIds,
} from '../../src/catalog/required-rules';

test('required outbound service tags of the facts page', () => {
  assert.deepEqual([...REQUIRED_OUTBOUND_SERVICE_TAGS].sort(), [
    'AzureActiveDirectory',
    'AzureFrontDoor.FirstParty',
    'AzureMachineLearning',
    'AzureMonitor',
    'AzureResourceManager',
    'BatchNodeManagement.{region}',
    'MicrosoftContainerRegistry',
  ]);
  assert.equal(expandRegion('BatchNodeManagement.{region}', 'eastus'), 'BatchNodeManagement.eastus');
  assert.equal(REQUIRED_SERVICE_TAG_WITH_PRIVATE_ENDPOINTS, 'VirtualNetwork');
  assert.equal(REQUIRED_INBOUND_SERVICE_TAG, 'AzureMachineLearning');
  assert.deepEqual(SERVICE_PORTS, { intellisense: 18881, computeInstanceManagement: 5831 });
});

test('default resources (need no approver role): storage, key vault, registry - not Application Insights', () => {
  assert.deepEqual([...WORKSPACE_DEFAULT_RESOURCE_PROPERTIES], ['storageAccount', 'keyVault', 'containerRegistry']);
  const ids = workspaceDefaultResourceIds('/ws', { storageAccount: '/st', keyVault: '/kv', containerRegistry: '', applicationInsights: '/appi' });
  assert.deepEqual(ids, ['/ws', '/st', '/kv']);
});
