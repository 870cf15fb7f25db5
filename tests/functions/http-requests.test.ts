import { test } from 'node:test';
import assert from 'node:assert/strict';
import { postRequest, getRequestStatus } from '../../src/functions/http-requests';
import { instanceIdForWorkspace } from '../../src/durable/instance-ids';
import { UpstreamError } from '../../src/service/ports';
import { TableStorageError } from '../../src/service/table-ticket-index';
import {
  BASE_URL, OTHER_SUB, RAW_POLICY, SUB, httpRequest, installServices, invocation, parseResponse, submitBody, workspace, wsId,
} from './support/fakes';

async function submit(body: unknown, init: { headers?: Record<string, string> } = {}) {
  const { context, logs } = invocation('httpSubmitRequest');
  const res = parseResponse(await postRequest(httpRequest('POST', '/requests', { body, ...init }), context));
  return { ...res, logs };
}

test('POST /requests starts onboardWorkspace with the plan and links of this API', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const res = await submit(submitBody());
  assert.equal(res.status, 202);
  const id = instanceIdForWorkspace(wsId('ws-one'));
  assert.equal(res.body['instanceId'], id);
  assert.equal(res.body['replayed'], false);
  assert.equal(res.body['policy'], 'baseline');
  assert.deepEqual((res.body['plan'] as { steps: unknown[] }).steps.length, 1);
  const links = res.body['links'] as Record<string, string>;
  assert.equal(links['status'], `${BASE_URL}/requests/${id}`);
  assert.equal(links['approve'], `${BASE_URL}/requests/${id}/approve`);
  assert.equal(links['reject'], `${BASE_URL}/requests/${id}/reject`);
  assert.equal(res.headers['location'], links['status']);
  assert.equal(t.gateway.starts.length, 1);
  const start = t.gateway.starts[0]!;
  assert.equal(start.name, 'onboardWorkspace');
  const input = start.input as { workspaceId: string; dryRun: boolean; policy: { name: string }; request: Record<string, unknown> };
  assert.equal(input.workspaceId, wsId('ws-one'));
  assert.equal(input.policy.name, 'baseline');
  assert.deepEqual(input.request, { trigger: 'http', ticketId: 'INC0001', requestedBy: 'alice@contoso.com' });
  // Logged with the instance id and ticket id.
  const accepted = res.logs.find((l) => l.entry['event'] === 'request.accepted');
  assert.ok(accepted);
  assert.equal(accepted.entry['instanceId'], id);
  assert.equal(accepted.entry['ticketId'], 'INC0001');
});

test('links never carry the function key or Durable management URLs', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const { context } = invocation();
  const res = parseResponse(await postRequest(httpRequest('POST', '/requests', { body: submitBody(), query: '?code=SECRETKEY' }), context));
  const text = JSON.stringify(res.body) + JSON.stringify(res.headers);
  assert.equal(text.includes('SECRETKEY'), false);
  assert.equal(text.includes('runtime/webhooks'), false);
});

test('an inline policy object is validated and used; dryRun is passed on', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const res = await submit(submitBody({ policy: { ...RAW_POLICY, name: 'inline-one' }, dryRun: true }));
  assert.equal(res.status, 202);
  const input = t.gateway.starts[0]!.input as { dryRun: boolean; policy: { name: string } };
  assert.equal(input.dryRun, true);
  assert.equal(input.policy.name, 'inline-one');
});

test('omitting policy uses the app policy (MNET_POLICY_PATH)', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const body = submitBody();
  delete body['policy'];
  const res = await submit(body);
  assert.equal(res.status, 202);
  assert.equal(res.body['policy'], 'baseline');
});

test('the same ticket id twice returns the first request and starts nothing new', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one'))).add(workspace(wsId('ws-two')));
  const first = await submit(submitBody());
  const second = await submit(submitBody());
  const third = await submit(submitBody({ workspaceId: wsId('ws-two') }));
  assert.equal(first.status, 202);
  assert.equal(second.status, 200);
  assert.equal(second.body['replayed'], true);
  assert.equal(second.body['instanceId'], first.body['instanceId']);
  assert.equal(third.body['instanceId'], first.body['instanceId']);
  assert.equal(third.body['workspaceId'], wsId('ws-one'));
  assert.equal(t.gateway.starts.length, 1);
  assert.ok(second.logs.some((l) => l.entry['event'] === 'request.replayed' && l.entry['ticketId'] === 'INC0001'));
});

test('a second ticket for a workspace whose orchestration is running gets 409', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  await submit(submitBody());
  const res = await submit(submitBody({ ticketId: 'INC0002' }));
  assert.equal(res.status, 409);
  assert.equal(res.headers['content-type'], 'application/problem+json');
  assert.equal(res.body['instanceId'], instanceIdForWorkspace(wsId('ws-one')));
  assert.equal(res.body['ticketId'], 'INC0001');
  assert.equal(t.gateway.starts.length, 1);
  assert.equal(t.tickets.size, 1, 'the refused ticket is not recorded');
});

test('after the first orchestration completed, a new ticket for the same workspace starts again', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const first = await submit(submitBody());
  t.gateway.set(first.body['instanceId'] as string, { runtimeStatus: 'Completed' });
  const res = await submit(submitBody({ ticketId: 'INC0002' }));
  assert.equal(res.status, 202);
  assert.equal(t.gateway.starts.length, 2);
});

test('a workspace in a subscription not configured is refused with 403 before any read', async () => {
  const t = installServices();
  const res = await submit(submitBody({ workspaceId: wsId('ws-one', 'rg-ml', OTHER_SUB) }));
  assert.equal(res.status, 403);
  assert.match(String(res.body['detail']), /not configured/);
  assert.equal(t.planning.reads, 0);
  assert.equal(t.gateway.starts.length, 0);
});

test('a workspace outside the policy scope is refused with 403', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-excluded')));
  t.planning.add(workspace(wsId('ws-one', 'rg-other')));
  const excluded = await submit(submitBody({ workspaceId: wsId('ws-excluded') }));
  assert.equal(excluded.status, 403);
  assert.match(String(excluded.body['detail']), /excluded/);
  const otherGroup = await submit(submitBody({ workspaceId: wsId('ws-one', 'rg-other'), policy: 'strict', ticketId: 'INC0003' }));
  assert.equal(otherGroup.status, 403);
  assert.match(String(otherGroup.body['detail']), /resource group/);
  assert.equal(t.gateway.starts.length, 0);
});

test('a workspace that does not exist is 404', async () => {
  const t = installServices();
  const res = await submit(submitBody());
  assert.equal(res.status, 404);
  assert.equal(res.body['title'], 'Workspace not found');
  assert.equal(t.gateway.starts.length, 0);
});

test('an ARM failure while reading is 502 without ARM internals', async () => {
  const t = installServices();
  t.planning.failWith = new UpstreamError(503, 'ServiceUnavailable: backend node 10.1.2.3 down');
  const res = await submit(submitBody());
  assert.equal(res.status, 502);
  assert.equal(String(res.body['detail']).includes('10.1.2.3'), false);
  assert.equal(t.gateway.starts.length, 0);
});

test('an unexpected failure is a 500 problem without a stack trace', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  t.gateway.startOrGet = async () => {
    throw new Error('boom at secret/internal/path.ts:12');
  };
  const { context, logs } = invocation();
  const res = parseResponse(await postRequest(httpRequest('POST', '/requests', { body: submitBody() }), context));
  assert.equal(res.status, 500);
  assert.equal(res.headers['content-type'], 'application/problem+json');
  assert.equal(JSON.stringify(res.body).includes('secret/internal'), false);
  assert.match(String(res.body['detail']), /inv-0001/);
  assert.ok(logs.some((l) => l.level === 'error' && l.entry['event'] === 'http.failed'));
  // The ticket was released: a retry can start the request.
  assert.equal(t.tickets.size, 0);
});

test('GET /requests/{id} shows status, step, plan, outcomes and errors', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const first = await submit(submitBody());
  const id = first.body['instanceId'] as string;
  t.gateway.waitForApproval(id);
  const { context } = invocation();
  let res = parseResponse(await getRequestStatus(httpRequest('GET', `/requests/${id}`, { params: { id } }), context));
  assert.equal(res.status, 200);
  assert.equal(res.body['state'], 'waiting-for-approval');
  assert.equal(res.body['currentStep'], 'approve-migration');
  assert.equal(res.body['ticketId'], 'INC0001');
  assert.equal(res.body['workspaceId'], wsId('ws-one'));
  assert.deepEqual(res.body['waitingForApproval'], { stepIds: ['migrate-computes'], deadline: '2025-01-04T00:00:00.000Z' });
  assert.equal((res.body['links'] as Record<string, string>)['approve'], `${BASE_URL}/requests/${id}/approve`);

  t.gateway.set(id, {
    runtimeStatus: 'Completed',
    output: { workspaceId: wsId('ws-one'), result: 'failed', plan: { steps: [1] }, outcomes: [{ stepId: 's1', status: 'failed' }], errors: [{ code: 'ValidationError', message: 'nope\n at stack line' }] },
  });
  res = parseResponse(await getRequestStatus(httpRequest('GET', `/requests/${id}`, { params: { id } }), invocation().context));
  assert.equal(res.body['state'], 'completed');
  assert.equal(res.body['result'], 'failed');
  assert.deepEqual(res.body['plan'], { steps: [1] });
  assert.equal((res.body['outcomes'] as unknown[]).length, 1);
  assert.deepEqual(res.body['errors'], [{ code: 'ValidationError', message: 'nope' }]);
});

test('GET /requests/{id} of a failed orchestration shows the first line of the failure only', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const id = (await submit(submitBody())).body['instanceId'] as string;
  t.gateway.set(id, { runtimeStatus: 'Failed', output: 'Error: activity failed\n    at Object.<anonymous> (/home/site/x.js:1:1)' });
  const res = parseResponse(await getRequestStatus(httpRequest('GET', `/requests/${id}`, { params: { id } }), invocation().context));
  assert.equal(res.body['state'], 'failed');
  assert.deepEqual(res.body['errors'], [{ code: 'orchestration-failed', message: 'Error: activity failed' }]);
});

test('GET /requests/{id}: unknown id 404, malformed id 400', async () => {
  installServices();
  const unknown = 'mnet-onboard-0123456789abcdef0123456789abcdef';
  let res = parseResponse(await getRequestStatus(httpRequest('GET', `/requests/${unknown}`, { params: { id: unknown } }), invocation().context));
  assert.equal(res.status, 404);
  assert.equal(res.body['instance'], `/api/v1/requests/${unknown}`);
  for (const bad of ['..', '%2e%2e', 'mnet-onboard-../../x', 'abc', '']) {
    res = parseResponse(await getRequestStatus(httpRequest('GET', `/requests/x`, { params: { id: bad } }), invocation().context));
    assert.equal(res.status, 400, bad);
    assert.equal((res.body['errors'] as { rule: string }[])[0]?.rule, 'instance-id');
  }
});

test('every problem document has type, title, status, detail and instance', async () => {
  installServices();
  const res = await submit({ workspaceId: 5 });
  assert.equal(res.status, 400);
  for (const key of ['type', 'title', 'status', 'detail', 'instance']) assert.ok(key in res.body, key);
  assert.equal(res.body['status'], 400);
  assert.equal(res.body['instance'], '/api/v1/requests');
  assert.match(String(res.body['type']), /^urn:mnet-autopilot:problem:invalid$/);
  const errors = res.body['errors'] as { path: string; rule: string }[];
  assert.deepEqual(errors.map((e) => e.path).sort(), ['requestedBy', 'ticketId', 'workspaceId']);
  assert.equal(res.headers['cache-control'], 'no-store');
});

test('subscription ids compare without case', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one', 'rg-ml', SUB.toUpperCase())));
  const res = await submit(submitBody({ workspaceId: wsId('ws-one', 'rg-ml', SUB.toUpperCase()) }));
  assert.equal(res.status, 202);
});

test('a broken app policy is 503 (details in the logs only); a broken ticket store is 503', async () => {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  t.services.policies.defaultPolicy = async () => {
    throw new Error('policy /home/site/wwwroot/policies/default.yaml is invalid: scope: must be a mapping');
  };
  const body = submitBody();
  delete body['policy'];
  const { context, logs } = invocation();
  const res = parseResponse(await postRequest(httpRequest('POST', '/requests', { body }), context));
  assert.equal(res.status, 503);
  assert.equal(JSON.stringify(res.body).includes('wwwroot'), false);
  assert.ok(logs.some((l) => l.entry['event'] === 'policy.unavailable' && String(l.entry['error']).includes('wwwroot')));

  t.tickets.get = async () => {
    throw new TableStorageError(403, 'read');
  };
  const res2 = parseResponse(await postRequest(httpRequest('POST', '/requests', { body: submitBody() }), invocation().context));
  assert.equal(res2.status, 503);
  assert.equal(t.gateway.starts.length, 0);
});
