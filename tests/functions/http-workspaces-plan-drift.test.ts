import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postWorkspace } from '../../src/functions/http-workspaces';
import { postPlan } from '../../src/functions/http-plan';
import { getDrift } from '../../src/functions/http-drift';
import { instanceIdForWorkspace } from '../../src/durable/instance-ids';
import { BASE_URL, OTHER_SUB, SUB, createBody, httpRequest, installServices, invocation, parseResponse, workspace, wsId } from './support/fakes';

async function create(body: unknown) {
  return parseResponse(await postWorkspace(httpRequest('POST', '/workspaces', { body }), invocation('httpCreateWorkspace').context));
}

test('POST /workspaces starts createWorkspace and returns 202 with links', async () => {
  const t = installServices();
  const res = await create(createBody({
    dependencies: { storageAccount: `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml` },
    tags: { owner: 'ml-team' },
  }));
  assert.equal(res.status, 202);
  const id = instanceIdForWorkspace(wsId('ws-new'), 'create');
  assert.equal(res.body['instanceId'], id);
  assert.equal(res.body['workspaceId'], wsId('ws-new'));
  assert.equal((res.body['links'] as Record<string, string>)['status'], `${BASE_URL}/requests/${id}`);
  assert.equal(t.gateway.starts.length, 1);
  const start = t.gateway.starts[0]!;
  assert.equal(start.name, 'createWorkspace');
  const input = start.input as Record<string, unknown>;
  assert.equal(input['name'], 'ws-new');
  assert.equal(input['kind'], 'Default');
  assert.deepEqual(input['tags'], { owner: 'ml-team' });
  assert.deepEqual(input['request'], { trigger: 'http', ticketId: 'CHG0001', requestedBy: 'bob@contoso.com' });
  assert.equal((input['dependencies'] as Record<string, string>)['storageAccount']?.endsWith('/stml'), true);
});

test('POST /workspaces: a project needs a hub, the same ticket twice returns the first', async () => {
  const t = installServices();
  const hubId = wsId('hub-one');
  let res = await create(createBody({ kind: 'Project' }));
  assert.equal(res.status, 400);
  assert.equal((res.body['errors'] as { rule: string }[])[0]?.rule, 'hub-required');
  res = await create(createBody({ kind: 'Project', hubId }));
  assert.equal(res.status, 202);
  assert.equal((t.gateway.starts[0]!.input as { hubId: string }).hubId, hubId);
  const again = await create(createBody({ kind: 'Project', hubId, name: 'ws-other' }));
  assert.equal(again.status, 200);
  assert.equal(again.body['replayed'], true);
  assert.equal(again.body['instanceId'], res.body['instanceId']);
  assert.equal(t.gateway.starts.length, 1);
});

test('POST /workspaces: every referenced subscription must be configured; policy scope applies', async () => {
  const t = installServices();
  let res = await create(createBody({ subscriptionId: OTHER_SUB }));
  assert.equal(res.status, 403);
  res = await create(createBody({ dependencies: { keyVault: `/subscriptions/${OTHER_SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv1` } }));
  assert.equal(res.status, 403);
  assert.match(String(res.body['detail']), /referenced resource/);
  res = await create(createBody({ name: 'ws-excluded' }));
  assert.equal(res.status, 403);
  res = await create(createBody({ policy: 'strict', resourceGroup: 'rg-elsewhere' }));
  assert.equal(res.status, 403);
  assert.equal(t.gateway.starts.length, 0);
});

test('POST /plan returns the plan only and starts nothing', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const res = parseResponse(await postPlan(httpRequest('POST', '/plan', { body: { workspaceId: wsId('ws-one'), policy: 'strict' } }), invocation().context));
  assert.equal(res.status, 200);
  assert.equal(res.body['policy'], 'strict');
  assert.equal((res.body['plan'] as { policyName: string }).policyName, 'strict');
  assert.equal(t.gateway.starts.length, 0);
  assert.equal(t.tickets.size, 0);
});

test('POST /plan: 404 unknown workspace, 403 outside scope, 400 bad policy', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-excluded')));
  const call = async (body: unknown) => parseResponse(await postPlan(httpRequest('POST', '/plan', { body }), invocation().context));
  assert.equal((await call({ workspaceId: wsId('ws-none') })).status, 404);
  assert.equal((await call({ workspaceId: wsId('ws-excluded') })).status, 403);
  assert.equal((await call({ workspaceId: wsId('ws-excluded', 'rg', OTHER_SUB) })).status, 403);
  const bad = await call({ workspaceId: wsId('ws-none'), policy: 'no-such-policy' });
  assert.equal(bad.status, 400);
  assert.match(String((bad.body['errors'] as { message: string }[])[0]?.message), /unknown policy "no-such-policy"; known policies: baseline, strict/);
});

test('GET /drift: 404 problem before the first scan, the report after', async () => {
  const t = installServices();
  let res = parseResponse(await getDrift(httpRequest('GET', '/drift'), invocation().context));
  assert.equal(res.status, 404);
  assert.equal(res.headers['content-type'], 'application/problem+json');
  t.reports.latest = { key: 'drift/latest.json', policyName: 'baseline', report: { drifted: 2 } };
  res = parseResponse(await getDrift(httpRequest('GET', '/drift'), invocation().context));
  assert.equal(res.status, 200);
  assert.deepEqual(res.body['report'], { drifted: 2 });
});
