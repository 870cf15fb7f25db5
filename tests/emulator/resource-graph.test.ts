import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { scaleSubscriptionId } from '../../src/emulator/scenarios';
import { call, at, arr, obj, type RawResponse } from './client';
import { start, type TestEmulator } from './fixtures';

let emu: TestEmulator;
before(async () => {
  emu = await start({ scenario: 'scale:2000', seed: 7 });
});
after(() => emu.close());

const ARG = '/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01';
const BASE = "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project id, name, type, kind, location, resourceGroup, subscriptionId, tags, identity, properties | order by id asc";

function q(body: Record<string, unknown>): Promise<RawResponse> {
  return call(emu, 'POST', ARG, { body });
}

test('pages through every seeded workspace with $top/$skipToken, stable order by id, full rows', async () => {
  const subs = Array.from({ length: 50 }, (_, i) => scaleSubscriptionId(i));
  const ids: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const res = await q({ subscriptions: subs, query: BASE, options: { $top: 500, resultFormat: 'objectArray', ...(token ? { $skipToken: token } : {}) } });
    assert.equal(res.status, 200, res.text);
    const body = obj(res.body);
    assert.equal(body.totalRecords, 2000);
    assert.equal(body.resultTruncated, 'false');
    const data = arr(body.data);
    assert.equal(body.count, data.length);
    for (const row of data) ids.push(String(at(row, 'id')));
    token = body.$skipToken as string | undefined;
    pages++;
  } while (token !== undefined);
  assert.equal(pages, 4);
  assert.equal(ids.length, 2000);
  assert.equal(new Set(ids).size, 2000);
  assert.deepEqual(ids, [...ids].sort());
  const first = await q({ subscriptions: subs, query: BASE, options: { $top: 1 } });
  const row = obj(arr(obj(first.body).data)[0]);
  assert.deepEqual(Object.keys(row), ['id', 'name', 'type', 'kind', 'location', 'resourceGroup', 'subscriptionId', 'tags', 'identity', 'properties']);
  assert.equal(row.type, 'microsoft.machinelearningservices/workspaces');
  assert.equal(typeof at(row, 'properties.managedNetwork.isolationMode'), 'string');
  assert.equal(typeof at(row, 'identity.principalId'), 'string');
});

test('where subscriptionId in (...) and resourceGroup in~ (...) filter; request subscriptions scope the data', async () => {
  const s1 = scaleSubscriptionId(0);
  const s2 = scaleSubscriptionId(1);
  const query = `resources | where type =~ 'microsoft.machinelearningservices/workspaces' | where subscriptionId in ('${s1}', '${s2}') and resourceGroup in~ ('RG-0', 'rg-1') | project id, name, resourceGroup, subscriptionId | order by id asc`;
  const res = await q({ subscriptions: [s1, s2, scaleSubscriptionId(2)], query, options: { $top: 1000 } });
  const data = arr(obj(res.body).data);
  assert.ok(data.length > 0);
  for (const r of data) {
    assert.ok([s1, s2].includes(String(at(r, 'subscriptionId'))));
    assert.ok(['rg-0', 'rg-1'].includes(String(at(r, 'resourceGroup'))));
  }
  const expected = emu.state.listWorkspaces().filter((w) => [s1, s2].includes(w.id.split('/')[2] ?? '') && /\/resourceGroups\/rg-[01]\//.test(w.id)).length;
  assert.equal(data.length, expected);
  const scoped = await q({ subscriptions: [s1], query: BASE, options: { $top: 1000 } });
  assert.equal(obj(scoped.body).totalRecords, 40);
});

test('filters on nested properties, projection aliases, limit, desc order and table format', async () => {
  const query = "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | where properties.managedNetwork.isolationMode == 'AllowOnlyApprovedOutbound' | project id, mode = properties.managedNetwork.isolationMode | order by id desc | limit 5";
  const res = await q({ query, options: { resultFormat: 'objectArray' } });
  const data = arr(obj(res.body).data);
  assert.equal(data.length, 5);
  assert.ok(data.every((r) => at(r, 'mode') === 'AllowOnlyApprovedOutbound'));
  const ids = data.map((r) => String(at(r, 'id')));
  assert.deepEqual(ids, [...ids].sort().reverse());
  const table = await q({ query, options: { resultFormat: 'table' } });
  assert.deepEqual(arr(at(table.body, 'data.columns')).map((c) => at(c, 'name')), ['id', 'mode']);
  assert.equal(arr(at(table.body, 'data.rows')).length, 5);
});

test('unsupported queries are 400 BadRequest with an InvalidQuery detail; bad options are 400', async () => {
  for (const query of [
    "resources | summarize count() by type",
    "resources | where type =~ 'x' or name == 'y'",
    "securityresources | where type =~ 'x'",
    "resources | where type =~ 'unterminated",
    '',
  ]) {
    const res = await q({ query });
    assert.equal(res.status, 400, query);
    assert.equal(at(res.body, 'error.code'), 'BadRequest');
    assert.equal(at(arr(at(res.body, 'error.details'))[0], 'code'), 'InvalidQuery');
  }
  assert.equal((await q({ query: BASE, options: { $top: 5000 } })).status, 400);
  assert.equal((await q({ query: BASE, options: { $skipToken: 'garbage' } })).status, 400);
  assert.equal((await call(emu, 'POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2019-04-01', { body: { query: BASE } })).status, 400);
});
