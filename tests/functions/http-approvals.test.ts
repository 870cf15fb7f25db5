import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approveRequest, rejectRequest } from '../../src/functions/http-approvals';
import { postRequest } from '../../src/functions/http-requests';
import { APPROVAL_EVENT } from '../../src/durable/contracts';
import { httpRequest, installServices, invocation, parseResponse, submitBody, workspace, wsId } from './support/fakes';

async function started() {
  const t = installServices();
  t.planning.add(workspace(wsId('ws-one')));
  const res = parseResponse(await postRequest(httpRequest('POST', '/requests', { body: submitBody() }), invocation().context));
  return { t, id: res.body['instanceId'] as string };
}

function decision(kind: 'approve' | 'reject', id: string, body: unknown) {
  const { context, logs } = invocation(kind === 'approve' ? 'httpApproveRequest' : 'httpRejectRequest');
  const handler = kind === 'approve' ? approveRequest : rejectRequest;
  return handler(httpRequest('POST', `/requests/${id}/${kind}`, { body, params: { id } }), context).then((r) => ({ ...parseResponse(r), logs }));
}

test('approve raises APPROVAL_EVENT with the approver recorded', async () => {
  const { t, id } = await started();
  t.gateway.waitForApproval(id);
  const res = await decision('approve', id, { approver: 'carol@contoso.com', comment: 'ok for the weekend window' });
  assert.equal(res.status, 202);
  assert.deepEqual(t.gateway.events, [{
    instanceId: id,
    eventName: APPROVAL_EVENT,
    data: { approved: true, approver: 'carol@contoso.com', authenticatedAs: 'function-key', comment: 'ok for the weekend window' },
  }]);
  assert.equal(res.body['ticketId'], 'INC0001');
  const logged = res.logs.find((l) => l.entry['event'] === 'request.approved');
  assert.ok(logged);
  assert.equal(logged.entry['instanceId'], id);
  assert.equal(logged.entry['ticketId'], 'INC0001');
  assert.equal(logged.entry['approver'], 'carol@contoso.com');
});

test('reject raises APPROVAL_EVENT with approved=false', async () => {
  const { t, id } = await started();
  t.gateway.waitForApproval(id);
  const res = await decision('reject', id, { approver: 'dave@contoso.com' });
  assert.equal(res.status, 202);
  assert.equal(t.gateway.events.length, 1);
  assert.deepEqual(t.gateway.events[0]!.data, { approved: false, approver: 'dave@contoso.com', authenticatedAs: 'function-key' });
});

test('409 when the instance is not waiting for approval (pending, running, completed)', async () => {
  const { t, id } = await started();
  let res = await decision('approve', id, { approver: 'carol@contoso.com' });
  assert.equal(res.status, 409);
  assert.equal(res.body['state'], 'pending');
  t.gateway.set(id, { runtimeStatus: 'Running', customStatus: { phase: 'applying', outcomes: [] } });
  res = await decision('reject', id, { approver: 'carol@contoso.com' });
  assert.equal(res.status, 409);
  t.gateway.waitForApproval(id);
  t.gateway.set(id, { runtimeStatus: 'Completed' });
  res = await decision('approve', id, { approver: 'carol@contoso.com' });
  assert.equal(res.status, 409);
  assert.equal(t.gateway.events.length, 0);
});

test('404 for an unknown instance, 400 for a malformed id or body', async () => {
  const { t } = await started();
  let res = await decision('approve', 'mnet-onboard-00000000000000000000000000000000', { approver: 'carol' });
  assert.equal(res.status, 404);
  res = await decision('approve', '../../admin', { approver: 'carol' });
  assert.equal(res.status, 400);
  res = await decision('approve', 'mnet-onboard-00000000000000000000000000000000', {});
  assert.equal(res.status, 400);
  assert.deepEqual((res.body['errors'] as { path: string }[]).map((e) => e.path), ['approver']);
  res = await decision('approve', '..', { approver: 7, extra: true });
  assert.equal(res.status, 400);
  assert.deepEqual((res.body['errors'] as { path: string }[]).map((e) => e.path).sort(), ['approver', 'extra', 'id']);
  assert.equal(t.gateway.events.length, 0);
});

test('self-approval is refused (403 self-approval, case-insensitive); the requester may still withdraw by rejecting', async () => {
  const { t, id } = await started();
  t.gateway.waitForApproval(id);
  const res = await decision('approve', id, { approver: ' Alice@CONTOSO.com' });
  assert.equal(res.status, 403);
  assert.equal(res.headers['content-type'], 'application/problem+json');
  assert.equal(res.body['type'], 'urn:mnet-autopilot:problem:forbidden');
  assert.equal(res.body['code'], 'self-approval');
  assert.deepEqual((res.body['errors'] as { rule: string }[]).map((e) => e.rule), ['self-approval']);
  assert.ok(res.logs.some((l) => l.entry['event'] === 'approval.refused' && l.entry['reason'] === 'self-approval'));
  assert.equal(t.gateway.events.length, 0, 'no decision was raised');
  // Someone else approves fine; the requester rejecting (withdrawing) is not an approval.
  assert.equal((await decision('reject', id, { approver: 'alice@contoso.com' })).status, 202);
  assert.equal(t.gateway.events.length, 1);
});
