import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmClientUsageError, USAGE_ERROR_CODES } from '../../src/arm/client';
import { UnsupportedResourceTypeError } from '../../src/arm/client/dependency-operations';
import { RG, SUB, WS_ID, seedWorkspace, startHarness, type Harness } from './harness';

let h: Harness;
before(async () => {
  h = await startHarness();
  await seedWorkspace(h);
});
after(async () => h.close());

const SA = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Storage/storageAccounts/sadata01`;
const KV = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.KeyVault/vaults/kv-data-01`;
const ACR = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.ContainerRegistry/registries/acrdata01`;
const AI = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Insights/components/ai-data-01`;

test('provider registration state of Microsoft.Network', async () => {
  const state = await h.client.getProviderRegistrationState(SUB);
  assert.equal(typeof state, 'string');
  assert.ok(['Registered', 'NotRegistered', 'Registering', 'Unregistered'].includes(state), state);
  const req = h.emu.requests().at(-1);
  assert.match(req?.path ?? '', /\/providers\/Microsoft\.Network$/i);
});

test('dependencies: put and get storage account, key vault, registry, app insights', async () => {
  const cases = [
    ['storageAccount', SA, { kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: { publicNetworkAccess: 'Disabled' } }],
    ['keyVault', KV, { properties: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', sku: { family: 'A', name: 'standard' }, publicNetworkAccess: 'Enabled' } }],
    ['containerRegistry', ACR, { sku: { name: 'Premium' }, properties: { publicNetworkAccess: 'Enabled' } }],
    ['applicationInsights', AI, { kind: 'web', properties: { Application_Type: 'web' } }],
  ] as const;
  for (const [kind, id, extra] of cases) {
    const put = await h.client.putDependency(kind, id, { location: 'westeurope', ...extra });
    assert.equal(put.id?.toLowerCase(), id.toLowerCase(), kind);
    const got = await h.client.getDependency(kind, id);
    assert.equal(got.name, id.split('/').pop(), kind);
    assert.equal(got.location, 'westeurope');
  }
  const sa = await h.client.getDependency('storageAccount', SA);
  assert.equal(sa.properties?.['publicNetworkAccess'], 'Disabled');
  const apiVersions = h.emu.requests().filter((r) => r.path.includes('storageAccounts')).map((r) => r.query['api-version']);
  assert.ok(apiVersions.every((v) => v === '2023-05-01'));
});

test('a dependency id of the wrong type is refused before any request', async () => {
  const before = h.emu.requests().length;
  await assert.rejects(h.client.getDependency('keyVault', SA), /is not a Microsoft.KeyVault\/vaults id/);
  assert.equal(h.emu.requests().length, before);
});

test('generic get by id: known types pick their api-version and declared read operation', async () => {
  const ws = await h.client.getResource(WS_ID);
  assert.equal(ws.name, 'ws1');
  const sa = await h.client.getResource(SA);
  assert.equal(sa.type?.toLowerCase(), 'microsoft.storage/storageaccounts');
  const rg = await h.client.getResource(`/subscriptions/${SUB}/resourceGroups/${RG}`);
  assert.equal(rg.name, RG);
  const operations = h.attempts.slice(-3).map((a) => a.operation);
  assert.deepEqual(operations, ['readWorkspace', 'readStorageAccount', 'readResourceGroup']);
});

test('generic get by id: a type the client holds no read action for is refused, with or without an api-version, before any request', async () => {
  const ADF = `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.DataFactory/factories/adf1`;
  const before = h.emu.requests().length;
  const refused = (e: unknown): boolean => {
    assert.ok(e instanceof UnsupportedResourceTypeError, `expected UnsupportedResourceTypeError, got ${String(e)}`);
    assert.ok(e instanceof ArmClientUsageError);
    assert.equal(e.code, USAGE_ERROR_CODES.apiVersionUnknown);
    assert.equal(e.resourceType, 'Microsoft.DataFactory/factories');
    assert.match(e.message, /no api-version known for Microsoft\.DataFactory\/factories/);
    return true;
  };
  await assert.rejects(h.client.getResource(ADF), refused);
  await assert.rejects(h.client.getResource(ADF, '2018-06-01'), refused);
  await assert.rejects(h.client.getResource(`/subscriptions/${SUB}`), (e: unknown) => e instanceof UnsupportedResourceTypeError);
  assert.equal(h.emu.requests().length, before, 'nothing was sent');
  assert.ok(!h.attempts.some((a) => (a.operation as string) === 'readAnyResource'), 'no wildcard-read operation is ever declared');
});

test('createResourceGroup leaves an existing group (and its tags) alone', async () => {
  await h.client.createResourceGroup(SUB, 'rg-keep', { location: 'westeurope', tags: { owner: 'team-a' } });
  const again = await h.client.createResourceGroup(SUB, 'rg-keep', { location: 'westeurope', tags: { owner: 'someone-else' } });
  assert.equal(again.tags?.['owner'], 'team-a');
  const puts = h.emu.requests().filter((r) => r.method === 'PUT' && /resourcegroups\/rg-keep$/i.test(r.path));
  assert.equal(puts.length, 1);
});
