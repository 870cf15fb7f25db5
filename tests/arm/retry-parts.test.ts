import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryAfterMs } from '../../src/arm/client/retry-after';
import { backoffDelayMs, isRetryableStatus } from '../../src/arm/client/retry-policy';
import { ArmThrottle, ARRIVAL_GUARD_MS } from '../../src/arm/client/write-throttle';
import { KeyedMutex } from '../../src/arm/client/keyed-mutex';

const headers = (h: Record<string, string>) => (name: string) => h[name];
const NOW = Date.UTC(2025, 0, 1, 0, 0, 0);

test('Retry-After in seconds, HTTP date and milliseconds headers', () => {
  assert.equal(retryAfterMs(headers({ 'retry-after': '7' }), () => NOW), 7000);
  assert.equal(retryAfterMs(headers({ 'retry-after': new Date(NOW + 12_000).toUTCString() }), () => NOW), 12_000);
  assert.equal(retryAfterMs(headers({ 'retry-after': new Date(NOW - 5_000).toUTCString() }), () => NOW), 0);
  assert.equal(retryAfterMs(headers({ 'retry-after': '7', 'x-ms-retry-after-ms': '1500' }), () => NOW), 1500);
  assert.equal(retryAfterMs(headers({ 'retry-after-ms': '250' }), () => NOW), 250);
  assert.equal(retryAfterMs(headers({ 'retry-after': 'soon' }), () => NOW), undefined);
  assert.equal(retryAfterMs(headers({}), () => NOW), undefined);
});

test('backoff grows exponentially, is jittered within [step/2, step] and capped', () => {
  const opts = { baseDelayMs: 1000, maxDelayMs: 10_000 };
  assert.equal(backoffDelayMs(0, { ...opts, random: () => 0 }), 500);
  assert.equal(backoffDelayMs(0, { ...opts, random: () => 0.999999 }), 1000);
  assert.equal(backoffDelayMs(3, { ...opts, random: () => 0 }), 4000);
  assert.equal(backoffDelayMs(10, { ...opts, random: () => 0.999999 }), 10_000);
});

test('only 429 and 5xx statuses are retryable', () => {
  for (const s of [429, 500, 502, 503, 504]) assert.equal(isRetryableStatus(s), true, String(s));
  for (const s of [200, 400, 401, 403, 404, 409, 412]) assert.equal(isRetryableStatus(s), false, String(s));
});

test('write ceiling books paced places per subscription: one per window/N, the (N+1)-th when the first leaves the window', async () => {
  let t = 0;
  const delays: number[] = [];
  const throttle = new ArmThrottle({ writesPerSecond: 4, requestsPerSecond: 0 }, async (ms: number) => {
    delays.push(ms);
  }, () => t);
  // Six concurrent writes at t=0 on one subscription, one on another.
  await Promise.all([1, 2, 3, 4, 5, 6].map(() => throttle.acquire({ key: 'a', isWrite: true })));
  await throttle.acquire({ key: 'b', isWrite: true });
  const step = Math.floor((1000 + ARRIVAL_GUARD_MS) / 4); // whole ms
  // a: 0 (no sleep), then one spacing apart; b has its own budget and goes at once.
  assert.deepEqual(delays, [step, 2 * step, 3 * step, 1000 + ARRIVAL_GUARD_MS, 1000 + ARRIVAL_GUARD_MS + step]);
  t = 5000; // long after: no wait
  assert.equal(await throttle.acquire({ key: 'a', isWrite: true }), 0);
  assert.equal(await new ArmThrottle({ writesPerSecond: 0, requestsPerSecond: 0 }, async () => undefined, () => 0).acquire({ key: 'a', isWrite: true }), 0);
});

test('keyed mutex runs tasks one at a time per key, survives failures', async () => {
  const mutex = new KeyedMutex();
  const log: string[] = [];
  const task = (name: string, fail = false) => async () => {
    log.push(`start ${name}`);
    await new Promise((r) => setImmediate(r));
    log.push(`end ${name}`);
    if (fail) throw new Error(name);
    return name;
  };
  const results = await Promise.allSettled([mutex.run('ws', task('1', true)), mutex.run('ws', task('2')), mutex.run('other', task('x'))]);
  assert.equal(results[0]?.status, 'rejected');
  assert.deepEqual(results[1], { status: 'fulfilled', value: '2' });
  assert.ok(log.indexOf('end 1') < log.indexOf('start 2'), log.join(','));
  assert.ok(log.indexOf('start x') < log.indexOf('end 1'), 'other keys run concurrently');
});
