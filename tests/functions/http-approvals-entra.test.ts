import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approveRequest, rejectRequest } from '../../src/functions/http-approvals';
import { postRequest } from '../../src/functions/http-requests';
import { entraApproverAuth } from '../../src/http/approver-auth';
import { AUDIENCE, NOW, ROLE, TENANT, approverClaims, makeKey, signToken, staticJwks } from '../http/support/tokens';
import { httpRequest, installServices, invocation, parseResponse, submitBody, workspace, wsId } from './support/fakes';

const key = makeKey('k1');
const stranger = makeKey('k2');

async function waiting() {
  const t = installServices({
    approverAuth: entraApproverAuth({ tenantId: TENANT, audiences: [AUDIENCE], requiredRole: ROLE, jwks: staticJwks([key]), nowSeconds: () => NOW }),
  });
  t.planning.add(workspace(wsId('ws-one')));
  const res = parseResponse(await postRequest(httpRequest('POST', '/requests', { body: submitBody() }), invocation().context));
  const id = res.body['instanceId'] as string;
  t.gateway.waitForApproval(id);
  return { t, id };
}

async function call(id: string, token: string | undefined, body: unknown = { comment: 'fine' }, approve = true) {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const handler = approve ? approveRequest : rejectRequest;
  return parseResponse(await handler(httpRequest('POST', `/requests/${id}/approve`, { body, headers, params: { id } }), invocation().context));
}

test('entra: a valid approver token is accepted; the identity comes from the token, not the body', async () => {
  const { t, id } = await waiting();
  const res = await call(id, signToken(key, approverClaims({ appid: 'app-1' })), { approver: 'mallory@evil.example', comment: 'fine' });
  assert.equal(res.status, 202);
  assert.deepEqual(t.gateway.events[0]?.data, {
    approved: true,
    approver: 'erin@contoso.com',
    authenticatedAs: 'entra:oid=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee;upn=erin@contoso.com;appid=app-1',
    comment: 'fine',
  });
});

test('entra: app-only tokens record the application', async () => {
  const { t, id } = await waiting();
  const res = await call(id, signToken(key, approverClaims({ preferred_username: undefined, appid: 'bbbbbbbb-0000-4000-8000-000000000002' })), {}, false);
  assert.equal(res.status, 202);
  assert.equal((t.gateway.events[0]?.data as { approver: string; approved: boolean }).approver, 'app:bbbbbbbb-0000-4000-8000-000000000002');
  assert.equal((t.gateway.events[0]?.data as { approved: boolean }).approved, false);
});

test('entra: missing token, wrong audience, expired, bad signature are 401; missing role is 403', async () => {
  const { t, id } = await waiting();
  const cases: [string | undefined, number][] = [
    [undefined, 401],
    ['not-a-jwt', 401],
    [signToken(key, approverClaims({ aud: 'api://other' })), 401],
    [signToken(key, approverClaims({ exp: NOW - 3600 })), 401],
    [signToken({ ...stranger, kid: 'k1' }, approverClaims()), 401],
    [signToken(key, approverClaims({ roles: [] })), 403],
  ];
  for (const [token, status] of cases) {
    const res = await call(id, token);
    assert.equal(res.status, status, token);
    assert.equal(res.headers['content-type'], 'application/problem+json');
    if (status === 401) assert.match(res.headers['www-authenticate'] ?? '', /^Bearer/);
  }
  // Refused before the body is read: an unauthenticated caller learns nothing about the body or the instance.
  const unknown = await call('mnet-onboard-00000000000000000000000000000000', undefined, 'not json at all');
  assert.equal(unknown.status, 401);
  assert.equal(t.gateway.events.length, 0);
});

test('entra: a Basic or empty Authorization header is 401', async () => {
  const { id } = await waiting();
  const res = parseResponse(await approveRequest(httpRequest('POST', `/requests/${id}/approve`, { body: {}, headers: { authorization: 'Basic YTpi' }, params: { id } }), invocation().context));
  assert.equal(res.status, 401);
});

test('entra: the requester cannot approve with their own token (upn or oid, any case): 403 self-approval', async () => {
  for (const requestedBy of ['ERIN@contoso.com', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee']) {
    const t = installServices({
      approverAuth: entraApproverAuth({ tenantId: TENANT, audiences: [AUDIENCE], requiredRole: ROLE, jwks: staticJwks([key]), nowSeconds: () => NOW }),
    });
    t.planning.add(workspace(wsId('ws-one')));
    const submitted = parseResponse(await postRequest(httpRequest('POST', '/requests', { body: submitBody({ requestedBy }) }), invocation().context));
    const id = submitted.body['instanceId'] as string;
    t.gateway.waitForApproval(id);
    const res = await call(id, signToken(key, approverClaims()), { comment: 'mine' });
    assert.equal(res.status, 403, requestedBy);
    assert.equal(res.body['code'], 'self-approval');
    assert.equal(t.gateway.events.length, 0);
  }
});
