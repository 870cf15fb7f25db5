import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { InMemoryTicketIndex, type TicketRecord } from '../../src/service/ticket-index';
import { TableTicketIndex, TableStorageError, type FetchLike } from '../../src/service/table-ticket-index';
import { bearerAuthorizer, parseTableConnection, sharedKeyLiteAuthorizer } from '../../src/service/storage-connection';

const record = (ticketId: string, instanceId = 'mnet-onboard-0123456789abcdef0123456789abcdef'): TicketRecord => ({
  ticketId, instanceId, kind: 'request', workspaceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws', createdAt: '2025-01-01T00:00:00.000Z',
});

test('in memory: first claim wins, release only drops a matching claim', async () => {
  const index = new InMemoryTicketIndex();
  assert.equal(await index.get('T1'), undefined);
  assert.deepEqual(await index.claim(record('T1')), { record: record('T1'), claimed: true });
  const second = await index.claim(record('T1', 'mnet-onboard-ffffffffffffffffffffffffffffffff'));
  assert.equal(second.claimed, false);
  assert.equal(second.record.instanceId, 'mnet-onboard-0123456789abcdef0123456789abcdef');
  await index.release('T1', 'mnet-onboard-ffffffffffffffffffffffffffffffff');
  assert.ok(await index.get('T1'));
  await index.release('T1', 'mnet-onboard-0123456789abcdef0123456789abcdef');
  assert.equal(await index.get('T1'), undefined);
});

/** A tiny Table service: entities by key, 409 on duplicate insert, 404 until the table exists. */
function fakeTable() {
  const rows = new Map<string, Record<string, string>>();
  let tableExists = false;
  const calls: { method: string; url: string; headers: Record<string, string>; body?: string }[] = [];
  const respond = (status: number, body = '', headers: Record<string, string> = {}) => ({
    status,
    headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
    text: async () => body,
  });
  const fetch: FetchLike = async (url, init) => {
    calls.push({ method: init.method, url, headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    const u = new URL(url);
    if (u.pathname.endsWith('/Tables') && init.method === 'POST') {
      tableExists = true;
      return respond(204);
    }
    if (!tableExists) return respond(404, '{"odata.error":{"code":"TableNotFound"}}');
    const key = /RowKey='([^']*)'/.exec(decodeURIComponent(u.pathname))?.[1];
    if (init.method === 'POST') {
      const entity = JSON.parse(init.body ?? '{}') as Record<string, string>;
      if (rows.has(entity['RowKey'] ?? '')) return respond(409, '{"odata.error":{"code":"EntityAlreadyExists"}}');
      rows.set(entity['RowKey'] ?? '', entity);
      return respond(204);
    }
    if (init.method === 'GET') {
      const row = key === undefined ? undefined : rows.get(key);
      return row === undefined ? respond(404) : respond(200, JSON.stringify(row), { etag: 'W/"1"' });
    }
    if (init.method === 'DELETE') {
      if (key !== undefined) rows.delete(key);
      return respond(204);
    }
    return respond(400);
  };
  return { fetch, rows, calls };
}

test('table: creates the table on first use, first claim wins, reads back the record', async () => {
  const table = fakeTable();
  const index = new TableTicketIndex({ endpoint: 'https://acct.table.core.windows.net/', table: 'mnettickets', authorize: async (_m, _u, h) => void (h['Authorization'] = 'Bearer t'), fetch: table.fetch, now: () => new Date('2025-01-01T00:00:00Z') });
  assert.equal(await index.get('INC-1'), undefined);
  assert.deepEqual(await index.claim(record('INC-1')), { record: record('INC-1'), claimed: true });
  const again = await index.claim(record('INC-1', 'mnet-onboard-ffffffffffffffffffffffffffffffff'));
  assert.equal(again.claimed, false);
  assert.deepEqual(again.record, record('INC-1'));
  assert.deepEqual(await index.get('INC-1'), record('INC-1'));
  const insert = table.calls.find((c) => c.method === 'POST' && c.url.endsWith('/mnettickets'));
  assert.ok(insert);
  assert.equal(insert.headers['Authorization'], 'Bearer t');
  assert.equal(insert.headers['x-ms-version'], '2019-02-02');
  assert.equal(insert.headers['x-ms-date'], 'Wed, 01 Jan 2025 00:00:00 GMT');
  assert.deepEqual(JSON.parse(insert.body ?? ''), { PartitionKey: 'ticket', RowKey: 'INC-1', instanceId: record('INC-1').instanceId, kind: 'request', workspaceId: record('INC-1').workspaceId, createdAt: record('INC-1').createdAt });
  assert.ok(table.calls.some((c) => c.url === "https://acct.table.core.windows.net/mnettickets(PartitionKey='ticket',RowKey='INC-1')"));
});

test('table: release deletes only a matching claim, with If-Match', async () => {
  const table = fakeTable();
  const index = new TableTicketIndex({ endpoint: 'https://acct.table.core.windows.net', table: 'mnettickets', authorize: async () => undefined, fetch: table.fetch });
  await index.claim(record('INC-2'));
  await index.release('INC-2', 'mnet-onboard-ffffffffffffffffffffffffffffffff');
  assert.equal(table.rows.size, 1);
  await index.release('INC-2', record('INC-2').instanceId);
  assert.equal(table.rows.size, 0);
  assert.equal(table.calls.find((c) => c.method === 'DELETE')?.headers['If-Match'], 'W/"1"');
});

test('table: storage errors surface as TableStorageError, never as "not found"', async () => {
  const fetch: FetchLike = async () => ({ status: 403, headers: { get: () => null }, text: async () => 'AuthorizationPermissionMismatch' });
  const index = new TableTicketIndex({ endpoint: 'https://acct.table.core.windows.net', table: 'mnettickets', authorize: async () => undefined, fetch });
  await assert.rejects(index.get('INC-3'), TableStorageError);
  await assert.rejects(index.claim(record('INC-3')), /HTTP 403/);
  assert.throws(() => new TableTicketIndex({ endpoint: 'x', table: 'bad-name', authorize: async () => undefined, fetch }), /invalid table name/);
});

test('connections: connection strings, development storage, identity', () => {
  assert.deepEqual(parseTableConnection('DefaultEndpointsProtocol=https;AccountName=stmnet;AccountKey=a2V5;EndpointSuffix=core.windows.net'), {
    kind: 'shared-key', endpoint: 'https://stmnet.table.core.windows.net', account: 'stmnet', key: 'a2V5',
  });
  const dev = parseTableConnection('UseDevelopmentStorage=true');
  assert.equal(dev?.kind, 'shared-key');
  assert.equal(dev?.endpoint, 'http://127.0.0.1:10002/devstoreaccount1');
  assert.deepEqual(parseTableConnection('identity:stmnetprod'), { kind: 'identity', endpoint: 'https://stmnetprod.table.core.windows.net', account: 'stmnetprod' });
  assert.equal(parseTableConnection('identity:Bad_Name'), undefined);
  assert.equal(parseTableConnection('something else'), undefined);
});

test('Shared Key Lite signs date and canonical resource', async () => {
  const key = Buffer.from('secret-key').toString('base64');
  const headers: Record<string, string> = { 'x-ms-date': 'Wed, 01 Jan 2025 00:00:00 GMT' };
  await sharedKeyLiteAuthorizer('stmnet', key)('GET', new URL("https://stmnet.table.core.windows.net/mnettickets(PartitionKey='ticket',RowKey='A')"), headers);
  const expected = createHmac('sha256', Buffer.from(key, 'base64'))
    .update("Wed, 01 Jan 2025 00:00:00 GMT\n/stmnet/mnettickets(PartitionKey='ticket',RowKey='A')")
    .digest('base64');
  assert.equal(headers['Authorization'], `SharedKeyLite stmnet:${expected}`);
});

test('bearer authorizer asks for a storage token', async () => {
  const scopes: string[] = [];
  const headers: Record<string, string> = {};
  await bearerAuthorizer({ getToken: async (s) => (scopes.push(s), { token: 'tok' }) })('GET', new URL('https://x'), headers);
  assert.deepEqual(scopes, ['https://storage.azure.com/.default']);
  assert.equal(headers['Authorization'], 'Bearer tok');
});
