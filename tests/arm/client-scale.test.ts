import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { scaleSubscriptionId, SCALE_SUBSCRIPTIONS } from '../../src/emulator/scenarios';
import { startHarness, type Harness } from './harness';

const COUNT = 2500;
let h: Harness;
before(async () => {
  // Small list pages so that nextLink paging is exercised too.
  h = await startHarness({ scenario: `scale:${COUNT}`, emulator: { pageSize: 20 } });
});
after(async () => h.close());

const subs = Array.from({ length: SCALE_SUBSCRIPTIONS }, (_, i) => scaleSubscriptionId(i));

test('Resource Graph returns every workspace across 50 subscriptions: batched subscriptions, paged with $skipToken', async () => {
  const before = h.emu.requests().length;
  const rows = await h.client.queryResourceGraph<{ id: string; subscriptionId: string }>(
    "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project id, subscriptionId, properties | order by id asc",
    subs,
    { subscriptionsPerRequest: 20, pageSize: 300 },
  );
  assert.equal(rows.length, COUNT);
  assert.equal(new Set(rows.map((r) => r.id.toLowerCase())).size, COUNT, 'no row twice');
  assert.equal(new Set(rows.map((r) => r.subscriptionId)).size, SCALE_SUBSCRIPTIONS);
  const sent = h.emu.requests().slice(before);
  // 20 + 20 + 10 subscriptions = 1000 + 1000 + 500 rows, in pages of 300: 4 + 4 + 2 requests.
  assert.equal(sent.length, 10);
  const batches = sent.map((r) => (r.body as { subscriptions: string[] }).subscriptions.length);
  assert.deepEqual(batches, [20, 20, 20, 20, 20, 20, 20, 20, 10, 10]);
  assert.ok(sent.every((r) => r.method === 'POST'));
});

test('listing one subscription follows nextLink to the last page', async () => {
  const sub = subs[0] as string;
  const before = h.emu.requests().length;
  const all = await h.client.listWorkspaces(sub);
  assert.equal(all.length, COUNT / SCALE_SUBSCRIPTIONS);
  assert.equal(h.emu.requests().length - before, 3, '50 workspaces in pages of 20');
  assert.equal(new Set(all.map((w) => w.id)).size, all.length);
});
