/**
 * The per-subscription ARM budget (src/arm/client/write-throttle.ts) on a discrete-event virtual clock: `sleep`
 * parks the caller until the clock reaches its deadline, and the clock jumps to the next deadline only once every
 * runnable caller has run. Start times are recorded where the request would leave the pipeline (the policy's
 * `next`), so they are the times the server would see, without waiting in real time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { armThrottlePolicy } from '../../src/arm/client/pipeline';
import { setRequestContext } from '../../src/arm/client/request-context';
import { ArmThrottle, ARRIVAL_GUARD_MS, ReservationLog, TENANT_KEY, ceilingFor } from '../../src/arm/client/write-throttle';
import { WS_ID, seedWorkspace, startHarness } from './harness';

class VirtualTime {
  t = 0;
  readonly sleeps: number[] = [];
  private timers: { at: number; resolve: () => void }[] = [];
  readonly now = (): number => this.t;
  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise((resolve) => this.timers.push({ at: this.t + ms, resolve }));
  };

  /** Runs `work` to completion, advancing the clock from deadline to deadline whenever everything is parked. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => (done = true));
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (done) return result;
      if (this.timers.length === 0) return result;
      const at = Math.min(...this.timers.map((x) => x.at));
      this.t = at;
      const due = this.timers.filter((x) => x.at === at);
      this.timers = this.timers.filter((x) => x.at !== at);
      for (const x of due) x.resolve();
    }
  }
}

const SUB_A = '00000000-0000-0000-0000-00000000000a';
const SUB_B = '00000000-0000-0000-0000-00000000000b';

interface Start {
  at: number;
  key: string;
  write: boolean;
}

function harnessFor(writesPerSecond: number, requestsPerSecond: number) {
  const time = new VirtualTime();
  const starts: Start[] = [];
  const policy = armThrottlePolicy(new ArmThrottle({ writesPerSecond, requestsPerSecond }, time.sleep, time.now));
  const send = (url: string, method: 'GET' | 'PUT' | 'POST', isWrite: boolean): Promise<PipelineResponse> => {
    const request = createPipelineRequest({ url, method });
    setRequestContext(request, { operation: isWrite ? 'writeWorkspace' : 'readWorkspace', isWrite });
    return policy.sendRequest(request, async (r: PipelineRequest) => {
      starts.push({ at: time.now(), key: /\/subscriptions\/([^/]+)/.exec(r.url)?.[1] ?? TENANT_KEY, write: isWrite });
      return { request: r, status: 200, headers: createHttpHeaders() };
    });
  };
  const write = (sub: string, i: number) => send(`https://arm.test/subscriptions/${sub}/resourceGroups/rg-${i}?api-version=2021-04-01`, 'PUT', true);
  const read = (sub: string, i: number) => send(`https://arm.test/subscriptions/${sub}/resourceGroups/rg-${i}?api-version=2021-04-01`, 'GET', false);
  const graph = () => send('https://arm.test/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01', 'POST', false);
  return { time, starts, write, read, graph };
}

/** Most start times in any half-open window [t, t + windowMs). */
function maxInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

const at = (starts: Start[], f: (s: Start) => boolean) => starts.filter(f).map((s) => s.at);

test('100 writes as fast as possible at 25/s: no 1000-ms window (nor 1000 ms + guard) holds more than 25 starts', async () => {
  const h = harnessFor(25, 0);
  await h.time.run(Promise.all(Array.from({ length: 100 }, (_, i) => h.write(SUB_A, i))));
  const times = at(h.starts, () => true);
  assert.equal(times.length, 100);
  assert.equal(maxInWindow(times), 25);
  assert.equal(maxInWindow(times, 1000 + ARRIVAL_GUARD_MS), 25);
  // ...and no slower than the budget allows: 4 full windows.
  assert.equal(Math.max(...times), 3 * (1000 + ARRIVAL_GUARD_MS));
});

test('writes arriving one at a time, faster than the ceiling, stay under it too', async () => {
  const h = harnessFor(25, 0);
  const writes: Promise<unknown>[] = [];
  const work = (async () => {
    for (let i = 0; i < 120; i++) {
      writes.push(h.write(SUB_A, i));
      await h.time.sleep(7); // a caller issuing a write every 7 ms (143/s)
    }
    await Promise.all(writes);
  })();
  await h.time.run(work);
  assert.equal(h.starts.length, 120);
  assert.equal(maxInWindow(at(h.starts, () => true)), 25);
});

test('mixed reads and writes at requestsPerSecond 20, writesPerSecond 5: both ceilings hold in every window', async () => {
  const h = harnessFor(5, 20);
  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < 120; i++) calls.push(i % 4 === 0 ? h.write(SUB_A, i) : h.read(SUB_A, i));
  await h.time.run(Promise.all(calls));
  assert.equal(h.starts.length, 120);
  assert.equal(maxInWindow(at(h.starts, () => true)), 20);
  assert.equal(maxInWindow(at(h.starts, (s) => s.write)), 5);
  assert.ok(maxInWindow(at(h.starts, () => true), 1000 + ARRIVAL_GUARD_MS) <= 20);
  // Reads take the places writes cannot use: the first window is full (5 writes + 15 reads), not 5 writes alone.
  assert.equal(at(h.starts, (s) => s.at === 0).length, 20);
  assert.equal(at(h.starts, (s) => s.at === 0 && s.write).length, 5);
});

test('separate subscriptions do not share a budget; tenant-level calls have their own', async () => {
  const h = harnessFor(25, 20);
  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < 20; i++) calls.push(h.read(SUB_A, i), h.read(SUB_B, i), h.graph());
  await h.time.run(Promise.all(calls));
  assert.equal(h.starts.length, 60);
  assert.ok(h.starts.every((s) => s.at === 0), 'all 60 went at once: 20 per key');
  assert.deepEqual(h.time.sleeps, []);
  // One more on A waits for A's window only.
  await h.time.run(h.read(SUB_A, 99));
  assert.equal(h.starts.at(-1)?.at, 1000 + ARRIVAL_GUARD_MS);
  await h.time.run(h.read(SUB_B, 99).then(() => h.graph()));
  assert.equal(h.starts.at(-2)?.key, SUB_B);
  assert.equal(h.starts.at(-1)?.key, TENANT_KEY);
  assert.equal(h.starts.at(-1)?.at, 1000 + ARRIVAL_GUARD_MS, 'B and tenant were not charged for A');
  assert.ok(maxInWindow(at(h.starts, (s) => s.key === TENANT_KEY)) <= 20);
});

test('under budget the limiter adds no delay, and none once the window has passed', async () => {
  const h = harnessFor(5, 20);
  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < 15; i++) calls.push(h.read(SUB_A, i));
  for (let i = 0; i < 5; i++) calls.push(h.write(SUB_A, i));
  await h.time.run(Promise.all(calls));
  assert.deepEqual(h.time.sleeps, []);
  h.time.t = 10_000;
  await h.time.run(Promise.all([h.write(SUB_A, 7), h.read(SUB_A, 8)]));
  assert.deepEqual(h.time.sleeps, []);
  assert.ok(h.starts.slice(-2).every((s) => s.at === 10_000));
});

test('fractional and disabled rates', () => {
  assert.deepEqual(ceilingFor(2.5, 0), { capacity: 2, windowMs: 1000 });
  assert.deepEqual(ceilingFor(0.5, 0), { capacity: 1, windowMs: 2000 });
  for (const off of [0, -1, Infinity, Number.NaN]) assert.equal(ceilingFor(off), undefined);
  // A log books around existing places, including between future bookings.
  const log = new ReservationLog({ capacity: 2, windowMs: 1000 });
  log.book(0);
  log.book(0);
  assert.equal(log.earliest(0), 1000);
  log.book(3000);
  log.book(3000);
  assert.equal(log.earliest(1500), 1500, 'a free place between bookings is used');
  log.book(1500);
  log.book(1500);
  assert.equal(log.earliest(1500), 4000, '1500 is full, 2500 would be a third start in [2500, 3500)');
});

test('through the client: concurrent reads on one subscription are held to requestsPerSecond, writes to writesPerSecond', async () => {
  const h = await startHarness({ client: { requestsPerSecond: 4, writesPerSecond: 2 } });
  try {
    await seedWorkspace(h);
    h.delays.length = 0;
    await Promise.all(Array.from({ length: 6 }, () => h.client.getWorkspace(WS_ID)));
    // The harness sleep advances the emulator clock by every delay; what matters is that the budget made callers wait.
    assert.ok(h.delays.filter((d) => d > 0).length >= 2, `delays: ${h.delays.join(',')}`);
  } finally {
    await h.close();
  }
});
