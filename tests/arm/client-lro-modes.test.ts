import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccessToken, GetTokenOptions } from '@azure/core-auth';
import { ArmError, createArmClient, type ClosableArmClient } from '../../src/arm/client';
import { startFakeArm, type FakeArm, type FakeRequest, type FakeResponse } from './fake-arm-server';

const SUB = '00000000-0000-0000-0000-000000000001';
const WS = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1`;
const NOW = Date.UTC(2025, 0, 1);

const open: Array<{ fake: FakeArm; client: ClosableArmClient }> = [];
after(async () => {
  for (const o of open) {
    o.client.close();
    await o.fake.close();
  }
});

async function setup(handler: (req: FakeRequest, fake: FakeArm) => FakeResponse) {
  const fake = await startFakeArm(handler);
  const delays: number[] = [];
  const scopes: string[] = [];
  const client = createArmClient({
    endpoint: fake.url,
    credential: {
      getToken: async (scopes_: string | string[], _options?: GetTokenOptions): Promise<AccessToken> => {
        scopes.push(...[scopes_].flat());
        return { token: 'fixed-token', expiresOnTimestamp: Date.now() + 3600_000 };
      },
    },
    caCertPem: fake.caCertPem,
    sleep: async (ms) => {
      delays.push(ms);
    },
    now: () => NOW,
    random: () => 0.5,
    // The clock never moves here, so the paced request ceiling would add its spacing to every retry: off, as in
    // tests/arm/harness.ts, so the delays asserted below are the service's and the backoff's only.
    requestsPerSecond: 0,
  });
  open.push({ fake, client });
  return { fake, client, delays, scopes };
}

const path = (url: string) => url.split('?')[0] ?? url;

test('bearer token with the endpoint-derived scope, and the configured CA, on every request', async () => {
  const { fake, client, scopes } = await setup(() => ({ status: 200, body: { id: WS, name: 'ws1', location: 'westeurope', properties: {} } }));
  await client.getWorkspace(WS);
  assert.equal(fake.requests[0]?.headers['authorization'], 'Bearer fixed-token');
  assert.deepEqual(scopes, [`${fake.url}/.default`]);
  assert.match(String(fake.requests[0]?.headers['user-agent']), /^mnet-autopilot/);
  assert.equal(fake.requests[0]?.url, `${WS}?api-version=2025-09-01`);
});

test('Location-only LRO: handle kind "location", Retry-After honoured, final body from the Location poll', async () => {
  let polls = 0;
  const { client } = await setup((req, fake) => {
    if (req.method === 'POST') return { status: 202, headers: { location: `${fake.url}/op/1`, 'retry-after': '3' } };
    polls += 1;
    return polls < 2 ? { status: 202, headers: { location: `${fake.url}/op/1`, 'retry-after': '4' } } : { status: 200, body: { status: 'Active', sparkReady: false } };
  });
  const handle = await client.beginProvisionManagedNetwork(WS);
  assert.equal(handle.kind, 'location');
  assert.equal(handle.retryAfterSeconds, 3);
  assert.match(handle.operationUrl, /\/op\/1$/);
  const first = await client.pollOperation(handle);
  assert.equal(first.status, 'InProgress');
  assert.equal(first.handle.retryAfterSeconds, 4);
  const second = await client.pollOperation(first.handle);
  assert.deepEqual([second.status, second.result], ['Succeeded', { status: 'Active', sparkReady: false }]);
});

test('Location-only LRO failing with a 4xx poll: Failed with the service code, not a thrown poll', async () => {
  const { client } = await setup((req, fake) =>
    req.method === 'POST'
      ? { status: 202, headers: { location: `${fake.url}/op/2` } }
      : { status: 400, headers: { 'x-ms-request-id': 'req-9' }, body: { error: { code: 'SubnetFull', message: 'No address space left.' } } },
  );
  const handle = await client.beginProvisionManagedNetwork(WS);
  assert.equal(handle.retryAfterSeconds, 10, 'default poll interval without Retry-After');
  const result = await client.pollOperation(handle);
  assert.equal(result.status, 'Failed');
  assert.equal(result.error?.code, 'SubnetFull');
  assert.equal(result.error?.requestId, 'req-9');
  await assert.rejects(client.waitForOperation(handle), (e: unknown) => e instanceof ArmError && e.code === 'SubnetFull' && e.userMessage() === 'POST workspace ws1 failed: SubnetFull — No address space left. (request req-9)');
});

test('a poll still failing with 5xx after retries throws (transient) and leaves the handle usable', async () => {
  let failing = true;
  const { client, delays } = await setup((req, fake) => {
    if (req.method === 'POST') return { status: 202, headers: { 'azure-asyncoperation': `${fake.url}/status/3` } };
    if (failing) return { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'busy' } } };
    return { status: 200, body: { status: 'Succeeded' } };
  });
  const handle = await client.beginProvisionManagedNetwork(WS);
  await assert.rejects(client.pollOperation(handle), (e: unknown) => e instanceof ArmError && e.isRetryable && e.status === 503);
  assert.equal(delays.length, 6);
  failing = false;
  assert.equal((await client.pollOperation(handle)).status, 'Succeeded');
});

test('synchronous answers: kind "none", polled without a request; PUT 201 Creating polls the resource', async () => {
  let gets = 0;
  const { fake, client } = await setup((req) => {
    if (req.method === 'POST') return { status: 200 };
    if (req.method === 'PUT') return { status: 201, body: { id: `${WS}/computes/c1`, name: 'c1', properties: { computeType: 'AmlCompute', provisioningState: 'Creating' } } };
    gets += 1;
    return { status: 200, body: { id: `${WS}/computes/c1`, name: 'c1', properties: { computeType: 'AmlCompute', provisioningState: gets < 2 ? 'Creating' : 'Succeeded' } } };
  });
  const stop = await client.beginStopCompute(`${WS}/computes/c1`);
  assert.equal(stop.kind, 'none');
  const n = fake.requests.length;
  assert.equal((await client.pollOperation(stop)).status, 'Succeeded');
  assert.equal(fake.requests.length, n);

  const create = await client.beginCreateCompute(`${WS}/computes/c1`, { location: 'westeurope', properties: { computeType: 'AmlCompute' } });
  assert.equal(create.kind, 'resource');
  assert.equal((await client.pollOperation(create)).status, 'InProgress');
  const done = await client.pollOperation((await client.pollOperation(create)).handle);
  assert.equal(done.status, 'Succeeded');
  assert.equal(done.result?.properties.provisioningState, 'Succeeded');
});

test('Retry-After as an HTTP date and x-ms-retry-after-ms are honoured', async () => {
  let n = 0;
  const { client, delays } = await setup(() => {
    n += 1;
    if (n === 1) return { status: 429, headers: { 'retry-after': new Date(NOW + 9_000).toUTCString() } };
    if (n === 2) return { status: 429, headers: { 'x-ms-retry-after-ms': '1234', 'retry-after': '2' } };
    return { status: 200, body: { id: WS, name: 'ws1', location: 'westeurope', properties: {} } };
  });
  await client.getWorkspace(WS);
  assert.deepEqual(delays, [9000, 1234]);
});

test('a nextLink to another host is refused instead of receiving the token', async () => {
  const { fake, client } = await setup(() => ({ status: 200, body: { value: [{ name: 'a' }], nextLink: 'https://attacker.example/page2' } }));
  await assert.rejects(client.listComputes(WS), (e: unknown) => e instanceof ArmError && e.code === 'UntrustedLink');
  assert.equal(fake.requests.length, 1);
});

test('lists follow nextLink across pages', async () => {
  const { fake, client } = await setup((req, f) =>
    req.url.includes('page=2')
      ? { status: 200, body: { value: [{ name: 'c' }] } }
      : { status: 200, body: { value: [{ name: 'a' }, { name: 'b' }], nextLink: `${f.url}${path(req.url)}?api-version=2025-09-01&page=2` } },
  );
  const all = await client.listComputes(WS);
  assert.deepEqual(all.map((c) => c.name), ['a', 'b', 'c']);
  assert.equal(fake.requests.length, 2);
});

test('Resource Graph: subscriptions batched, every page followed, every row returned', async () => {
  const subs = Array.from({ length: 5 }, (_, i) => `00000000-0000-0000-0000-00000000000${i}`);
  const { fake, client } = await setup((req) => {
    const body = req.body as { subscriptions: string[]; options: { $top: number; $skipToken?: string } };
    const page = body.options.$skipToken === undefined ? 0 : Number(body.options.$skipToken);
    const rows = body.subscriptions.map((s) => ({ id: `/subscriptions/${s}/x/${page}` }));
    return { status: 200, body: { totalRecords: 99, count: rows.length, resultTruncated: 'false', data: rows, ...(page < 2 ? { $skipToken: String(page + 1) } : {}) } };
  });
  const rows = await client.queryResourceGraph<{ id: string }>('resources | project id', [...subs, subs[0] as string], { subscriptionsPerRequest: 2, pageSize: 50 });
  assert.equal(rows.length, 5 * 3, 'each subscription once, three pages each');
  assert.equal(fake.requests.length, 3 * 3, 'three batches of three pages');
  const first = fake.requests[0]?.body as { subscriptions: string[]; options: Record<string, unknown> };
  assert.deepEqual(first.subscriptions, subs.slice(0, 2));
  assert.deepEqual(first.options, { $top: 50, resultFormat: 'objectArray' });
  assert.equal((fake.requests[1]?.body as { options: Record<string, unknown> }).options['$skipToken'], '1');
  assert.match(fake.requests[0]?.url ?? '', /^\/providers\/Microsoft\.ResourceGraph\/resources\?api-version=2022-10-01$/);
});

test('Resource Graph: a truncated answer without a skip token is an error, not a short list', async () => {
  const { client } = await setup(() => ({ status: 200, body: { totalRecords: 5000, count: 1000, resultTruncated: 'true', data: [{ name: 'a' }] } }));
  await assert.rejects(client.queryResourceGraph('resources', [SUB]), (e: unknown) => e instanceof ArmError && e.code === 'ResourceGraphResultTruncated');
  assert.deepEqual(await client.queryResourceGraph('resources', []), []);
});

test('role assignment: deterministic name, 201 created, 409 RoleAssignmentExists counted as done, other 409 thrown', async () => {
  let answer: FakeResponse = { status: 201, body: { id: 'x', name: 'x', properties: {} } };
  const { fake, client } = await setup(() => answer);
  const input = { scope: `/subscriptions/${SUB}/resourceGroups/rg`, principalId: '6a0c8b3e-1f4d-4c52-9a11-2b7d4e9f0c13', roleDefinitionId: 'b556d68e-0be0-4f35-a333-ad7ee1ce17ea' };
  const created = await client.putRoleAssignment(input);
  assert.deepEqual([created.created, created.alreadyExisted], [true, false]);
  const body = fake.requests[0]?.body as { properties: Record<string, string> };
  assert.deepEqual(body.properties, {
    roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/b556d68e-0be0-4f35-a333-ad7ee1ce17ea`,
    principalId: input.principalId,
    principalType: 'ServicePrincipal',
  });
  assert.match(fake.requests[0]?.url ?? '', new RegExp(`/roleAssignments/${created.name}\\?api-version=2022-04-01$`));

  answer = { status: 409, body: { error: { code: 'RoleAssignmentExists', message: 'The role assignment already exists.' } } };
  const again = await client.putRoleAssignment(input);
  assert.deepEqual([again.created, again.alreadyExisted, again.name], [false, true, created.name]);

  answer = { status: 409, body: { error: { code: 'RoleAssignmentUpdateNotPermitted', message: 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.' } } };
  await assert.rejects(client.putRoleAssignment(input), (e: unknown) => e instanceof ArmError && e.code === 'RoleAssignmentUpdateNotPermitted');
});
