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
import { ArmThrottle, ARRIVAL_GUARD_MS, ReservationLog, TENANT_KEY, ceilingFor, pacedCeilings } from '../../src/arm/client/write-throttle';
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

/** Smallest gap between consecutive start times (Infinity for fewer than two). */
function minGap(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = Infinity;
  for (let i = 1; i < sorted.length; i++) best = Math.min(best, (sorted[i] as number) - (sorted[i - 1] as number));
  return best;
}

/** The pacing spacing at `perSecond`: the guarded window shared evenly, whole ms down: 42 ms at 25/s (>= 1000/25). */
const spacing = (perSecond: number) => Math.floor((1000 + ARRIVAL_GUARD_MS) / perSecond);

/** Both properties the server relies on, for one set of start times at one rate. */
function assertBudget(times: readonly number[], perSecond: number, what: string): void {
  assert.ok(maxInWindow(times) <= perSecond, `${what}: ${maxInWindow(times)} starts in one 1000-ms window, budget ${perSecond}`);
  assert.ok(maxInWindow(times, 1000 + ARRIVAL_GUARD_MS) <= perSecond, `${what}: over budget in a 1000 ms + guard window`);
  assert.ok(minGap(times) >= 1000 / perSecond, `${what}: consecutive starts ${minGap(times)} ms apart, less than 1000/${perSecond}`);
}

test('100 requests as fast as possible at 25/s: <= 25 starts in any 1000-ms window, consecutive starts >= 1000/25 ms apart', async () => {
  const h = harnessFor(0, 25);
  await h.time.run(Promise.all(Array.from({ length: 100 }, (_, i) => h.read(SUB_A, i))));
  const times = at(h.starts, () => true);
  assert.equal(times.length, 100);
  assertBudget(times, 25, 'reads');
  assert.equal(maxInWindow(times, 1000 + ARRIVAL_GUARD_MS), 25, 'the budget is used, not just respected');
  // Evenly paced, and no slower than the budget allows: 25 per guarded window.
  assert.equal(minGap(times), spacing(25));
  assert.equal(Math.max(...times), 99 * spacing(25));
});

test('100 writes as fast as possible at 25/s: the same bounds on writes (requests ceiling off)', async () => {
  const h = harnessFor(25, 0);
  await h.time.run(Promise.all(Array.from({ length: 100 }, (_, i) => h.write(SUB_A, i))));
  const times = at(h.starts, () => true);
  assert.equal(times.length, 100);
  assertBudget(times, 25, 'writes');
  assert.equal(Math.max(...times), 99 * spacing(25));
});

test('writes arriving one at a time, faster than the ceiling, stay under it and paced too', async () => {
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
  assertBudget(at(h.starts, () => true), 25, 'writes');
});

test('mixed reads and writes at requestsPerSecond 20, writesPerSecond 5: both ceilings hold in every window', async () => {
  const h = harnessFor(5, 20);
  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < 120; i++) calls.push(i % 4 === 0 ? h.write(SUB_A, i) : h.read(SUB_A, i));
  await h.time.run(Promise.all(calls));
  assert.equal(h.starts.length, 120);
  assertBudget(at(h.starts, () => true), 20, 'all requests');
  assertBudget(at(h.starts, (s) => s.write), 5, 'writes');
  assert.equal(maxInWindow(at(h.starts, () => true)), 20);
  // Reads take the places writes cannot use: the first window holds 20 requests, not 5 writes alone.
  assert.equal(at(h.starts, (s) => s.at < 1000 + ARRIVAL_GUARD_MS).length, 20);
  assert.equal(at(h.starts, (s) => s.at < 1000 + ARRIVAL_GUARD_MS && s.write).length, 5);
});

test('separate subscriptions do not share a budget; tenant-level calls have their own', async () => {
  const h = harnessFor(25, 20);
  const calls: Promise<unknown>[] = [];
  for (let i = 0; i < 20; i++) calls.push(h.read(SUB_A, i), h.read(SUB_B, i), h.graph());
  await h.time.run(Promise.all(calls));
  assert.equal(h.starts.length, 60);
  const keyTimes = (key: string) => at(h.starts, (s) => s.key === key);
  const schedule = Array.from({ length: 20 }, (_, i) => i * spacing(20));
  // Each key has the schedule it would have alone: 20 starts, paced from 0, none delayed by the other keys.
  for (const key of [SUB_A, SUB_B, TENANT_KEY]) {
    assert.deepEqual(keyTimes(key), schedule, key);
    assertBudget(keyTimes(key), 20, key);
  }
  // ...although together they exceed 20 in a window: the budget is per key.
  assert.equal(maxInWindow(at(h.starts, () => true)), 60);
  // One more on A waits for A's window only; B and tenant go at once.
  h.time.t = 1000;
  await h.time.run(h.read(SUB_A, 99));
  assert.equal(h.starts.at(-1)?.at, 1000 + ARRIVAL_GUARD_MS);
  h.time.t = 1000;
  await h.time.run(h.read(SUB_B, 99).then(() => h.graph()));
  assert.equal(h.starts.at(-2)?.key, SUB_B);
  assert.equal(h.starts.at(-1)?.key, TENANT_KEY);
  assert.equal(h.starts.at(-1)?.at, 1000 + ARRIVAL_GUARD_MS, 'B and tenant were charged for their own windows only');
  for (const key of [SUB_A, SUB_B, TENANT_KEY]) assertBudget(keyTimes(key), 20, key);
});

test('the limiter waits only for the spacing and the window: none for a lone request or after idle', async () => {
  const h = harnessFor(5, 20);
  await h.time.run(h.read(SUB_A, 0));
  assert.deepEqual(h.time.sleeps, [], 'a lone request goes at once');
  // A second request at the same instant waits exactly one spacing, a third two.
  await h.time.run(Promise.all([h.read(SUB_A, 1), h.read(SUB_A, 2)]));
  assert.deepEqual(h.time.sleeps, [spacing(20), 2 * spacing(20)]);
  h.time.sleeps.length = 0;
  h.time.t = 10_000;
  await h.time.run(h.write(SUB_A, 7));
  h.time.t = 10_000 + spacing(20);
  await h.time.run(h.read(SUB_A, 8));
  assert.deepEqual(h.time.sleeps, [], 'once the spacing has passed, nothing waits');
  assert.deepEqual(h.starts.slice(-2).map((s) => s.at), [10_000, 10_000 + spacing(20)]);
});

test('rates whose spacing is not exact in floating point (26/s, 7/s, 0.3/s) still book, and hold the budget', async () => {
  // Regression: (first + w) - first < w for inexact w made the log return the same time again, forever.
  for (const rate of [26, 7, 0.3]) {
    const h = harnessFor(0, rate);
    const n = rate >= 1 ? 3 * rate : 4;
    await h.time.run(Promise.all(Array.from({ length: n }, (_, i) => h.read(SUB_A, i))));
    const times = at(h.starts, () => true);
    assert.equal(times.length, n);
    if (rate >= 1) assertBudget(times, rate, `${rate}/s`);
    else assert.ok(minGap(times) >= 1000 / rate, `${rate}/s: ${minGap(times)}`);
  }
});

test('fractional and disabled rates', () => {
  assert.deepEqual(ceilingFor(2.5, 0), { capacity: 2, windowMs: 1000 });
  assert.deepEqual(ceilingFor(0.5, 0), { capacity: 1, windowMs: 2000 });
  for (const off of [0, -1, Infinity, Number.NaN]) {
    assert.equal(ceilingFor(off), undefined);
    assert.deepEqual(pacedCeilings(off), []);
  }
  assert.deepEqual(pacedCeilings(25, 0), [{ capacity: 25, windowMs: 1000 }, { capacity: 1, windowMs: 40 }]);
  assert.deepEqual(pacedCeilings(20), [{ capacity: 20, windowMs: 1050 }, { capacity: 1, windowMs: 52 }], 'whole ms, rounded down');
  assert.deepEqual(pacedCeilings(5000, 0), [{ capacity: 5000, windowMs: 1000 }], 'no spacing below 1 ms');
  assert.deepEqual(pacedCeilings(0.5, 0), [{ capacity: 1, windowMs: 2000 }], 'below 1/s the window is the spacing');
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
