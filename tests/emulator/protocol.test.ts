import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { call, ML, SUB, at, errorCode, obj, wsPath } from './client';
import { start, header, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start();
});
after(() => emu.close());

test('serves HTTPS on 127.0.0.1 with a certificate a client trusts through the CA pem', async () => {
  assert.match(emu.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(readFileSync(emu.caCertPath, 'utf8'), emu.caCertPem);
  assert.match(emu.caCertPem, /BEGIN CERTIFICATE/);
  const res = await call(emu, 'GET', `/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`);
  assert.equal(res.status, 200);
  // Without the CA the TLS handshake fails.
  await assert.rejects(
    new Promise((resolve, reject) => {
      const req = request(`${emu.url}/subscriptions`, { agent: false }, resolve);
      req.on('error', reject);
      req.end();
    }),
    /self[- ]signed|unable to verify|certificate/i,
  );
  // localhost is in the SAN too.
  const viaName = await call({ url: emu.url.replace('127.0.0.1', 'localhost'), caCertPem: emu.caCertPem }, 'GET', `/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`);
  assert.equal(viaName.status, 200);
});

test('a request without a Bearer token is 401 AuthenticationFailed, with x-ms-request-id', async () => {
  const res = await call(emu, 'GET', `/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`, { auth: false });
  assert.equal(res.status, 401);
  assert.equal(errorCode(res), 'AuthenticationFailed');
  assert.match(header(res, 'x-ms-request-id'), /^[0-9a-f-]{36}$/);
  assert.match(header(res, 'www-authenticate'), /^Bearer /);
  const basic = await call(emu, 'GET', `/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`, { headers: { authorization: 'Basic abc' } });
  assert.equal(basic.status, 401);
});

test('errors have the ARM body shape and every response has a request id', async () => {
  const res = await call(emu, 'GET', `/subscriptions/${SUB}/nonsense/thing?${ML}`);
  assert.equal(res.status, 404);
  const e = obj(obj(res.body).error);
  assert.deepEqual(Object.keys(e).sort(), ['additionalInfo', 'code', 'details', 'message', 'target']);
  assert.deepEqual(e.details, []);
  assert.deepEqual(e.additionalInfo, []);
  assert.equal(typeof e.message, 'string');
  const a = header(res, 'x-ms-request-id');
  const b = header(await call(emu, 'GET', `/subscriptions/${SUB}/nonsense/thing?${ML}`), 'x-ms-request-id');
  assert.notEqual(a, b);
});

test('api-version: missing -> 400 MissingApiVersionParameter, unsupported -> 400 InvalidApiVersionParameter', async () => {
  await call(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/rg-api?api-version=2021-04-01`, { body: { location: 'eastus' } });
  const missing = await call(emu, 'GET', wsPath('rg-api', 'ws1'));
  assert.equal(missing.status, 400);
  assert.equal(errorCode(missing), 'MissingApiVersionParameter');
  const wrong = await call(emu, 'GET', `${wsPath('rg-api', 'ws1')}?api-version=2022-10-01`);
  assert.equal(wrong.status, 400);
  assert.equal(errorCode(wrong), 'InvalidApiVersionParameter');
  assert.match(String(at(wrong.body, 'error.message')), /2025-09-01/);
  const rgWrong = await call(emu, 'GET', `/subscriptions/${SUB}/resourcegroups/rg-api?api-version=2025-09-01`);
  assert.equal(errorCode(rgWrong), 'InvalidApiVersionParameter');
});

test('unknown subscription -> 404 SubscriptionNotFound; unknown resource group -> 404 ResourceGroupNotFound; missing resource -> 404 ResourceNotFound', async () => {
  const otherSub = '99999999-0000-0000-0000-000000000009';
  const s = await call(emu, 'PUT', `${wsPath('rg', 'ws1', otherSub)}?${ML}`, { body: { location: 'eastus' } });
  assert.equal(s.status, 404);
  assert.equal(errorCode(s), 'SubscriptionNotFound');
  const rgPut = await call(emu, 'PUT', `/subscriptions/${otherSub}/resourcegroups/rg?api-version=2021-04-01`, { body: { location: 'eastus' } });
  assert.equal(errorCode(rgPut), 'SubscriptionNotFound');
  const g = await call(emu, 'PUT', `${wsPath('rg-nope', 'ws1')}?${ML}`, { body: { location: 'eastus' } });
  assert.equal(g.status, 404);
  assert.equal(errorCode(g), 'ResourceGroupNotFound');
  await call(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/rg-exists?api-version=2021-04-01`, { body: { location: 'eastus' } });
  const r = await call(emu, 'GET', `${wsPath('rg-exists', 'nothere')}?${ML}`);
  assert.equal(r.status, 404);
  assert.equal(errorCode(r), 'ResourceNotFound');
  const dep = await call(emu, 'GET', `/subscriptions/${SUB}/resourceGroups/rg-exists/providers/Microsoft.Storage/storageAccounts/nothere?api-version=2023-05-01`);
  assert.equal(errorCode(dep), 'ResourceNotFound');
});

test('resource groups: PUT 201 then 200, GET, list; location required; case-insensitive path', async () => {
  const p1 = await call(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/rg-Case?api-version=2021-04-01`, { body: { location: 'West Europe', tags: { a: '1' } } });
  assert.equal(p1.status, 201);
  assert.equal(at(p1.body, 'location'), 'westeurope');
  assert.equal(at(p1.body, 'id'), `/subscriptions/${SUB}/resourceGroups/rg-Case`);
  const p2 = await call(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/rg-case?api-version=2021-04-01`, { body: { location: 'westeurope' } });
  assert.equal(p2.status, 200);
  const get = await call(emu, 'GET', `/SUBSCRIPTIONS/${SUB}/resourceGroups/RG-CASE?api-version=2021-04-01`);
  assert.equal(get.status, 200);
  assert.equal(at(get.body, 'name'), 'rg-Case');
  const noLoc = await call(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/rg-noloc?api-version=2021-04-01`, { body: {} });
  assert.equal(noLoc.status, 400);
  assert.equal(errorCode(noLoc), 'LocationRequired');
  const list = await call(emu, 'GET', `/subscriptions/${SUB}/resourcegroups?api-version=2021-04-01`);
  assert.ok((obj(list.body).value as unknown[]).some((g) => at(g, 'name') === 'rg-Case'));
  assert.equal((await call(emu, 'HEAD', `/subscriptions/${SUB}/resourcegroups/rg-case?api-version=2021-04-01`)).status, 204);
  assert.equal((await call(emu, 'HEAD', `/subscriptions/${SUB}/resourcegroups/rg-none?api-version=2021-04-01`)).status, 404);
});

test('resource provider registration state and register', async () => {
  const res = await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.Network?api-version=2021-04-01`);
  assert.equal(res.status, 200);
  assert.equal(at(res.body, 'namespace'), 'Microsoft.Network');
  assert.equal(at(res.body, 'registrationState'), 'Registered');
  emu.state.setProviderState(SUB, 'Microsoft.Network', 'NotRegistered');
  const nr = await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.Network?api-version=2021-04-01`);
  assert.equal(at(nr.body, 'registrationState'), 'NotRegistered');
  const reg = await call(emu, 'POST', `/subscriptions/${SUB}/providers/Microsoft.Network/register?api-version=2021-04-01`);
  assert.equal(reg.status, 200);
  assert.equal(at((await call(emu, 'GET', `/subscriptions/${SUB}/providers/Microsoft.Network?api-version=2021-04-01`)).body, 'registrationState'), 'Registered');
});

test('dependency resources: generic PUT/GET/PATCH with publicNetworkAccess', async () => {
  await call(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/rg-deps?api-version=2021-04-01`, { body: { location: 'eastus' } });
  const types = [
    ['Microsoft.Storage/storageAccounts', 'stdeps1', '2023-05-01'],
    ['Microsoft.KeyVault/vaults', 'kv-deps1', '2023-07-01'],
    ['Microsoft.ContainerRegistry/registries', 'crdeps1', '2023-07-01'],
    ['Microsoft.Insights/components', 'appi-deps1', '2020-02-02'],
    ['Microsoft.Search/searchServices', 'srch-deps1', '2023-11-01'],
    ['Microsoft.CognitiveServices/accounts', 'ais-deps1', '2024-10-01'],
    ['Microsoft.DataFactory/factories', 'adf-deps1', '2018-06-01'],
  ] as const;
  for (const [type, name, v] of types) {
    const path = `/subscriptions/${SUB}/resourceGroups/rg-deps/providers/${type}/${name}?api-version=${v}`;
    const put = await call(emu, 'PUT', path, { body: { location: 'eastus', properties: { publicNetworkAccess: 'Enabled' } } });
    assert.equal(put.status, 201, `${type}: ${put.text}`);
    assert.equal(at(put.body, 'type'), type);
    const patch = await call(emu, 'PATCH', path, { body: { properties: { publicNetworkAccess: 'Disabled' } } });
    assert.equal(patch.status, 200);
    const get = await call(emu, 'GET', path);
    assert.equal(at(get.body, 'properties.publicNetworkAccess'), 'Disabled');
    assert.equal(at(get.body, 'id'), `/subscriptions/${SUB}/resourceGroups/rg-deps/providers/${type}/${name}`);
  }
  const again = await call(emu, 'PUT', `/subscriptions/${SUB}/resourceGroups/rg-deps/providers/Microsoft.Storage/storageAccounts/stdeps1?api-version=2023-05-01`, { body: { location: 'eastus', properties: { publicNetworkAccess: 'Enabled' } } });
  assert.equal(again.status, 200);
  const bad = await call(emu, 'GET', `/subscriptions/${SUB}/resourceGroups/rg-deps/providers/Microsoft.Storage/storageAccounts/stdeps1?api-version=latest`);
  assert.equal(errorCode(bad), 'InvalidApiVersionParameter');
});

test('a method the path does not support is 405 with Allow', async () => {
  const res = await call(emu, 'POST', `/subscriptions/${SUB}/resourcegroups/rg-deps?api-version=2021-04-01`);
  assert.equal(res.status, 405);
  assert.match(header(res, 'allow'), /GET/);
});

test('invalid JSON body is 400 InvalidRequestContent', async () => {
  const res = await call(emu, 'PUT', `/subscriptions/${SUB}/resourcegroups/rg-json?api-version=2021-04-01`, { body: '{"location":' });
  assert.equal(res.status, 400);
  assert.equal(errorCode(res), 'InvalidRequestContent');
});
