/**
 * The bad-input corpus: every case must get a 4xx problem document with a clear detail, and start, record or
 * raise NOTHING. Data-driven: add a row to grow it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { approveRequest, rejectRequest } from '../../src/functions/http-approvals';
import { getRequestStatus, postRequest } from '../../src/functions/http-requests';
import { postPlan } from '../../src/functions/http-plan';
import { postWorkspace } from '../../src/functions/http-workspaces';
import { instanceIdForWorkspace } from '../../src/durable/instance-ids';
import {
  OTHER_SUB, SUB, createBody, httpRequest, installServices, invocation, parseResponse, submitBody, workspace, wsId, type RequestInit,
} from '../functions/support/fakes';

type Route = 'submit' | 'create' | 'plan' | 'approve' | 'reject' | 'get';

interface Case {
  name: string;
  route: Route;
  init: RequestInit;
  status: number;
  /** A rule id expected among `errors` (400s). */
  rule?: string;
  /** A path expected among `errors`. */
  path?: string;
}

const HANDLERS: Record<Route, (r: HttpRequest, c: InvocationContext) => Promise<HttpResponseInit>> = {
  submit: postRequest,
  create: postWorkspace,
  plan: postPlan,
  approve: approveRequest,
  reject: rejectRequest,
  get: getRequestStatus,
};
const PATHS: Record<Route, string> = { submit: '/requests', create: '/workspaces', plan: '/plan', approve: '/requests/x/approve', reject: '/requests/x/reject', get: '/requests/x' };
const METHOD: Record<Route, string> = { submit: 'POST', create: 'POST', plan: 'POST', approve: 'POST', reject: 'POST', get: 'GET' };

const WAITING_ID = instanceIdForWorkspace(wsId('ws-waiting'));
const STORAGE_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.Storage/storageAccounts/stml`;
const KV_ID = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.KeyVault/vaults/kv1`;
const WS_PREFIX = `/subscriptions/${SUB}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces`;

const raw = (route: Route, rawBody: string, status = 400, rule = 'json'): Case => ({ name: `${route}: malformed ${JSON.stringify(rawBody.slice(0, 30))}`, route, init: { rawBody }, status, rule });
const submit = (name: string, overrides: Record<string, unknown>, status: number, rule?: string, path?: string): Case => ({
  name: `submit: ${name}`, route: 'submit', init: { body: submitBody(overrides) }, status, ...(rule ? { rule } : {}), ...(path ? { path } : {}),
});
const create = (name: string, overrides: Record<string, unknown>, status: number, rule?: string, path?: string): Case => ({
  name: `create: ${name}`, route: 'create', init: { body: createBody(overrides) }, status, ...(rule ? { rule } : {}), ...(path ? { path } : {}),
});
const decision = (route: 'approve' | 'reject', name: string, id: string, init: RequestInit, status: number, rule?: string): Case => ({
  name: `${route}: ${name}`, route, init: { ...init, params: { id } }, status, ...(rule ? { rule } : {}),
});

const CASES: Case[] = [
  // Malformed JSON and non-object bodies.
  raw('submit', '{'),
  raw('submit', '{"workspaceId": }'),
  raw('submit', '{"ticketId": "a",}'),
  raw('submit', "{'ticketId': 'a'}"),
  raw('submit', ''),
  raw('submit', '   \n '),
  raw('submit', 'null'),
  raw('submit', '[]'),
  raw('submit', '"just a string"'),
  raw('submit', '123'),
  raw('submit', '{"dryRun": NaN}'),
  raw('submit', '['.repeat(100_000)),
  raw('create', '{"name": "ws-new"'),
  raw('plan', '{"workspaceId": undefined}'),
  raw('approve', '{approver: carol}'),
  { name: 'submit: invalid UTF-8 bytes', route: 'submit', init: { rawBytes: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }, status: 400, rule: 'json' },
  // Content types.
  { name: 'submit: no content type', route: 'submit', init: { body: submitBody(), headers: { 'content-type': '' } }, status: 415 },
  { name: 'submit: text/plain', route: 'submit', init: { body: submitBody(), headers: { 'content-type': 'text/plain' } }, status: 415 },
  { name: 'submit: application/xml', route: 'submit', init: { rawBody: '<request/>', headers: { 'content-type': 'application/xml' } }, status: 415 },
  { name: 'submit: JSON in UTF-16', route: 'submit', init: { body: submitBody(), headers: { 'content-type': 'application/json; charset=utf-16' } }, status: 415 },
  { name: 'create: form data', route: 'create', init: { rawBody: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 415 },
  { name: 'plan: multipart', route: 'plan', init: { rawBody: '--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } }, status: 415 },
  // Sizes.
  { name: 'submit: huge body', route: 'submit', init: { body: submitBody({ requestedBy: 'x'.repeat(300_000) }) }, status: 413 },
  { name: 'submit: declared content-length over the limit', route: 'submit', init: { body: submitBody(), headers: { 'content-length': '10485760' } }, status: 413 },
  { name: 'create: huge body', route: 'create', init: { rawBody: `{"tags": {${Array.from({ length: 20_000 }, (_, i) => `"t${i}": "v"`).join(',')}}}` }, status: 413 },
  decision('approve', 'huge body', WAITING_ID, { body: { approver: 'carol', comment: 'c'.repeat(300_000) } }, 413),
  // Wrong types.
  submit('workspaceId is a number', { workspaceId: 42 }, 400, 'type', 'workspaceId'),
  submit('workspaceId is an array', { workspaceId: [wsId('ws-one')] }, 400, 'type', 'workspaceId'),
  submit('ticketId is a number', { ticketId: 1001 }, 400, 'type', 'ticketId'),
  submit('requestedBy is an object', { requestedBy: { name: 'alice' } }, 400, 'type', 'requestedBy'),
  submit('dryRun is a string', { dryRun: 'true' }, 400, 'type', 'dryRun'),
  submit('policy is a number', { policy: 7 }, 400, 'type', 'policy'),
  submit('policy is an array', { policy: ['baseline'] }, 400, 'type', 'policy'),
  // Missing fields.
  { name: 'submit: empty object', route: 'submit', init: { body: {} }, status: 400, rule: 'required' },
  submit('no ticketId', { ticketId: undefined }, 400, 'required', 'ticketId'),
  submit('no requestedBy', { requestedBy: undefined }, 400, 'required', 'requestedBy'),
  submit('no workspaceId', { workspaceId: undefined }, 400, 'required', 'workspaceId'),
  submit('empty ticketId', { ticketId: '' }, 400, 'length', 'ticketId'),
  // Injected and malformed ids.
  submit('workspaceId with ../', { workspaceId: `/subscriptions/${SUB}/resourceGroups/../providers/Microsoft.MachineLearningServices/workspaces/ws-one` }, 400, 'resource-id'),
  submit('workspaceId with %2e%2e', { workspaceId: `/subscriptions/${SUB}/resourceGroups/%2e%2e/providers/Microsoft.MachineLearningServices/workspaces/ws-one` }, 400, 'encoded-characters'),
  submit('workspaceId climbing out', { workspaceId: `${WS_PREFIX}/ws-one/../../../../storageAccounts/x` }, 400, 'resource-id'),
  submit('workspaceId of a compute', { workspaceId: `${wsId('ws-one')}/computes/cpu` }, 400, 'resource-type'),
  submit('workspaceId of a storage account', { workspaceId: STORAGE_ID }, 400, 'resource-type'),
  submit('workspaceId of a resource group', { workspaceId: `/subscriptions/${SUB}/resourceGroups/rg-ml` }, 400, 'resource-type'),
  submit('workspaceId of a subscription', { workspaceId: `/subscriptions/${SUB}` }, 400, 'resource-type'),
  submit('non-GUID subscription', { workspaceId: wsId('ws-one', 'rg-ml', 'my-subscription') }, 400, 'resource-id'),
  submit('relative id', { workspaceId: 'subscriptions/x/resourceGroups/rg' }, 400, 'resource-id'),
  submit('id with a query string', { workspaceId: `${wsId('ws-one')}?api-version=2020-01-01` }, 400, 'resource-id'),
  submit('id with a fragment', { workspaceId: `${wsId('ws-one')}#x` }, 400, 'resource-id'),
  submit('id with a backslash', { workspaceId: `${WS_PREFIX}/ws\\one` }, 400, 'resource-id'),
  submit('id with a newline', { workspaceId: `${wsId('ws-one')}\n` }, 400, 'control-characters'),
  submit('id with a trailing slash', { workspaceId: `${wsId('ws-one')}/` }, 400, 'resource-id'),
  submit('id with a double slash', { workspaceId: `/subscriptions/${SUB}//resourceGroups/rg-ml` }, 400, 'resource-id'),
  submit('workspace name too short', { workspaceId: wsId('w') }, 400, 'workspace-name'),
  submit('workspace name with a dot', { workspaceId: wsId('ws.one') }, 400, 'workspace-name'),
  submit('unicode look-alike name', { workspaceId: wsId('ws-оne') }, 400, 'workspace-name'),
  // Overlong and unsafe strings.
  submit('ticketId of 129 characters', { ticketId: `T${'1'.repeat(128)}` }, 400, 'max-length', 'ticketId'),
  submit('requestedBy of 10k characters', { requestedBy: 'a'.repeat(10_000) }, 400, 'max-length', 'requestedBy'),
  submit('workspaceId of 600 characters', { workspaceId: wsId(`w${'a'.repeat(590)}`) }, 400, 'max-length', 'workspaceId'),
  submit('ticketId with spaces', { ticketId: 'INC 0001' }, 400, 'ticket-id'),
  submit('ticketId with a slash', { ticketId: 'INC/../0001' }, 400, 'ticket-id'),
  submit('ticketId with a newline (log forging)', { ticketId: 'INC1\n{"event":"request.approved"}' }, 400, 'control-characters'),
  submit('requestedBy with a NUL', { requestedBy: 'alice\u0000admin' }, 400, 'control-characters'),
  // Policies.
  submit('unknown policy name', { policy: 'nope' }, 400, 'unknown-policy', 'policy'),
  submit('policy name walking out of the folder', { policy: '../../etc/passwd' }, 400, 'policy-name', 'policy'),
  submit('policy name with an extension', { policy: 'baseline.yaml' }, 400, 'policy-name', 'policy'),
  submit('empty policy name', { policy: '' }, 400, 'policy-name', 'policy'),
  submit('empty inline policy', { policy: {} }, 400),
  submit('invalid inline policy', { policy: { scope: 5, managed_network: { isolation_mode: 'bogus' } } }, 400, 'isolation-mode'),
  submit('inline policy with a storage FQDN rule', {
    policy: { scope: { subscriptions: [SUB] }, managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [{ name: 'blob', type: 'fqdn', destination: '*.blob.core.windows.net' }] } },
  }, 400),
  // Unknown members.
  submit('misspelt dryRun', { dryrun: true }, 400, 'unknown-field', 'dryrun'),
  { name: 'submit: __proto__ member', route: 'submit', init: { rawBody: JSON.stringify(submitBody()).replace('{', '{"__proto__": {"isAdmin": true},') }, status: 400, rule: 'unknown-field' },
  // Scope.
  submit('subscription not configured', { workspaceId: wsId('ws-one', 'rg-ml', OTHER_SUB) }, 403),
  submit('excluded by the policy', { workspaceId: wsId('ws-excluded') }, 403),
  submit('workspace does not exist', { workspaceId: wsId('ws-missing') }, 404),
  // Create workspace.
  create('non-GUID subscription', { subscriptionId: 'prod' }, 400, 'subscription-id', 'subscriptionId'),
  create('resource group with a slash', { resourceGroup: 'rg/../x' }, 400, 'resource-group-name'),
  create('resource group ending in a dot', { resourceGroup: 'rg.' }, 400, 'resource-group-name'),
  create('name too short', { name: 'a' }, 400, 'workspace-name'),
  create('location with a space', { location: 'West Europe' }, 400, 'location'),
  create('unknown kind', { kind: 'Lakehouse' }, 400, 'enum', 'kind'),
  create('hub on a default workspace', { hubId: wsId('hub-one') }, 400, 'hub-not-allowed'),
  create('hub id of a storage account', { kind: 'Project', hubId: STORAGE_ID }, 400, 'resource-type', 'hubId'),
  create('storage dependency that is a key vault', { dependencies: { storageAccount: KV_ID } }, 400, 'resource-type', 'dependencies.storageAccount'),
  create('unknown dependency', { dependencies: { database: STORAGE_ID } }, 400, 'unknown-field', 'dependencies.database'),
  create('dependencies is a string', { dependencies: STORAGE_ID }, 400, 'type', 'dependencies'),
  create('51 tags', { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, 'v'])) }, 400, 'max-items'),
  create('tag value is a number', { tags: { cost: 5 } }, 400, 'type', 'tags.cost'),
  create('tag name with a slash', { tags: { 'a/b': 'v' } }, 400, 'tag-name'),
  create('no ticket', { ticketId: undefined }, 400, 'required', 'ticketId'),
  create('subscription not configured', { subscriptionId: OTHER_SUB }, 403),
  // Plan.
  { name: 'plan: storage account id', route: 'plan', init: { body: { workspaceId: STORAGE_ID } }, status: 400, rule: 'resource-type' },
  { name: 'plan: no workspaceId', route: 'plan', init: { body: { policy: 'baseline' } }, status: 400, rule: 'required' },
  { name: 'plan: unknown member', route: 'plan', init: { body: { workspaceId: wsId('ws-one'), start: true } }, status: 400, rule: 'unknown-field' },
  // Approve / reject / get.
  decision('approve', 'id ..', '..', { body: { approver: 'carol' } }, 400, 'instance-id'),
  decision('approve', 'id %2e%2e', '%2e%2e', { body: { approver: 'carol' } }, 400, 'instance-id'),
  decision('reject', 'id with a path', 'mnet-onboard-../../x', { body: { approver: 'carol' } }, 400, 'instance-id'),
  decision('approve', 'no approver', WAITING_ID, { body: { comment: 'x' } }, 400, 'required'),
  decision('approve', 'approver is a number', WAITING_ID, { body: { approver: 12 } }, 400, 'type'),
  decision('reject', 'comment of 5000 characters', WAITING_ID, { body: { approver: 'carol', comment: 'c'.repeat(5000) } }, 400, 'max-length'),
  decision('approve', 'wrong content type', WAITING_ID, { body: { approver: 'carol' }, headers: { 'content-type': 'text/plain' } }, 415),
  decision('approve', 'unknown instance', 'mnet-onboard-ffffffffffffffffffffffffffffffff', { body: { approver: 'carol' } }, 404),
  { name: 'get: id with a path', route: 'get', init: { params: { id: 'mnet-onboard-../../secrets' } }, status: 400, rule: 'instance-id' },
  { name: 'get: unknown instance', route: 'get', init: { params: { id: 'mnet-onboard-ffffffffffffffffffffffffffffffff' } }, status: 404 },
];

test('the corpus has at least 50 cases and unique names', () => {
  assert.ok(CASES.length >= 50, `${CASES.length} cases`);
  assert.equal(new Set(CASES.map((c) => c.name)).size, CASES.length);
});

for (const c of CASES) {
  test(`bad input -> ${c.status}: ${c.name}`, async () => {
    const t = installServices();
    t.planning.add(workspace(wsId('ws-one'))).add(workspace(wsId('ws-excluded'))).add(workspace(wsId('ws-waiting')));
    // One instance waits for approval, so decisions fail only because of their input.
    await t.gateway.startOrGet('onboardWorkspace', WAITING_ID, { workspaceId: wsId('ws-waiting'), request: { ticketId: 'INC-W' } });
    t.gateway.waitForApproval(WAITING_ID);
    const startsBefore = t.gateway.starts.length;

    const { context } = invocation();
    const res = parseResponse(await HANDLERS[c.route](httpRequest(METHOD[c.route], PATHS[c.route], c.init), context));

    assert.equal(res.status, c.status, JSON.stringify(res.body).slice(0, 500));
    assert.equal(res.headers['content-type'], 'application/problem+json');
    assert.equal(res.body['status'], c.status);
    assert.equal(typeof res.body['title'], 'string');
    assert.ok(String(res.body['detail']).length > 10, 'a clear detail');
    assert.equal(JSON.stringify(res.body).includes('    at '), false, 'no stack trace');
    const errors = (res.body['errors'] ?? []) as { path: string; message: string; rule?: string }[];
    if (c.status === 400) assert.ok(errors.length > 0, 'every problem listed');
    for (const e of errors) assert.ok(typeof e.path === 'string' && e.message.length > 0);
    if (c.rule) assert.ok(errors.some((e) => e.rule === c.rule), `rule ${c.rule} in ${JSON.stringify(errors)}`);
    if (c.path) assert.ok(errors.some((e) => e.path === c.path), `path ${c.path} in ${JSON.stringify(errors)}`);
    // Nothing started, recorded or raised.
    assert.equal(t.gateway.starts.length, startsBefore);
    assert.equal(t.gateway.events.length, 0);
    assert.equal(t.tickets.size, 0);
  });
}

test('a body with several problems lists every one of them', async () => {
  installServices();
  const { context } = invocation();
  const body = { workspaceId: `${wsId('ws-one')}/computes/c`, ticketId: 'bad ticket', requestedBy: 5, dryRun: 'yes', policy: 'nope', extra: 1 };
  const res = parseResponse(await postRequest(httpRequest('POST', '/requests', { body }), context));
  assert.equal(res.status, 400);
  const paths = (res.body['errors'] as { path: string }[]).map((e) => e.path).sort();
  assert.deepEqual(paths, ['dryRun', 'extra', 'policy', 'requestedBy', 'ticketId', 'workspaceId']);
});
