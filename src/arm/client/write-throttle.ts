/**
 * ARM request budget per subscription: a ceiling on WRITES and a ceiling on ALL requests (reads, writes, LRO
 * polls). Requests without a subscription in their URL (Resource Graph, tenant-level calls) share the `tenant` key.
 * Each ceiling is two rules, both enforced per key:
 *
 * 1. STRICT window: at most N requests start in any window [t, t + 1000 ms + ARRIVAL_GUARD_MS), whatever the
 *    concurrency. This is the guarantee.
 * 2. PACING: consecutive starts are at least (1000 ms + ARRIVAL_GUARD_MS) / N apart, rounded down to whole ms (42 ms
 *    at 25/s, 52 at 20/s, 210 at 5/s).
 *
 * Why both. The strict window alone is exact at the client but releases a whole second's budget at once; those N
 * requests open N connections concurrently and ARRIVE at the server spread over hundreds of milliseconds, into the
 * next second's burst (the etiquette benchmark saw 47 arrivals in one second with the client at 25/s). Evenly spaced
 * starts never stack connection set-up, so arrivals stay as spread as the starts. A minimum spacing is the simplest
 * pacing (one rule, no burst parameter); on its own it would imply rule 1 too (N+1 starts that far apart span a full
 * window), but the spacing is a fraction that accumulates rounding, so the strict window stays as the exact proof.
 * The cost: concurrent requests no longer all go at once; the k-th waits (k-1) spacings. Throughput is unchanged:
 * N per window.
 *
 * Each rule is a reservation log per key: the sorted start times already booked (past and future). A request books
 * the earliest time t >= now free in every log it counts against (its subscription's request logs, and write logs
 * for a write), then sleeps until t. Booking happens synchronously before sleeping, so concurrent callers cannot
 * both take the last place in a window, and a fake `sleep` in tests sees exactly the delays a real one would.
 *
 * Why that is a proof: bookings x_1 <= x_2 <= ... in one log of capacity k and window w satisfy x_{i+k} - x_i >= w
 * for every i (each insertion checks the k-runs it joins), and a half-open window of length w cannot contain k+1
 * points that far apart. Pacing is the same log with k = 1 and w = spacing.
 *
 * The window is 1000 ms plus ARRIVAL_GUARD_MS: the server counts ARRIVALS, and a request that leaves the client on
 * time can still reach ARM some milliseconds late (event-loop delay, a new connection) while one booked a second
 * later arrives promptly. The guard absorbs that skew, so "<= N in any second" also holds at the server.
 *
 * Rates: N = floor(rate) per second for rate >= 1 (a strict 1-s window cannot hold a fraction of a request, so
 * 2.5 behaves as 2); below 1, one request per 1000/rate ms (0.5: one every 2 s; the spacing rule is then the same
 * rule and is omitted). 0, a negative value or Infinity switches a ceiling off.
 */
import type { Now, Sleep } from './clock';

export const WINDOW_MS = 1000;
/** Extra length of every window, absorbing client-to-server arrival skew (see above). */
export const ARRIVAL_GUARD_MS = 50;
/** The request-log key of calls whose URL names no subscription. */
export const TENANT_KEY = 'tenant';

export interface Ceiling {
  /** Most starts in any window. */
  capacity: number;
  windowMs: number;
}

/** The strict ceiling for `perSecond`, or undefined when it is switched off. */
export function ceilingFor(perSecond: number, guardMs: number = ARRIVAL_GUARD_MS): Ceiling | undefined {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return undefined;
  if (perSecond >= 1) return { capacity: Math.floor(perSecond), windowMs: WINDOW_MS + guardMs };
  return { capacity: 1, windowMs: WINDOW_MS / perSecond + guardMs };
}

/**
 * The rules of one ceiling (see above): the strict window, then the minimum spacing between starts (a log of
 * capacity 1 whose window is the spacing). Empty when the ceiling is switched off.
 */
export function pacedCeilings(perSecond: number, guardMs: number = ARRIVAL_GUARD_MS): Ceiling[] {
  const ceiling = ceilingFor(perSecond, guardMs);
  if (ceiling === undefined) return [];
  const spacing = spacingOf(ceiling);
  if (ceiling.capacity === 1 || spacing < 1) return [ceiling];
  return [ceiling, { capacity: 1, windowMs: spacing }];
}

/**
 * The minimum time between two starts under `ceiling`: its window shared evenly by its capacity, rounded DOWN to a
 * whole ms (42 ms at 25/s, 52 at 20/s, 210 at 5/s). Rounding down keeps the full rate (the strict window, not the
 * spacing, decides when the (N+1)-th may go) and keeps every booking a whole ms, so both bounds are exact in
 * floating point.
 */
export function spacingOf(ceiling: Ceiling): number {
  return Math.floor(ceiling.windowMs / ceiling.capacity);
}

/** First index whose value is > x (strict) or >= x, in an ascending array. */
function searchAbove(a: readonly number[], x: number, inclusive: boolean): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid] as number;
    if (inclusive ? v >= x : v > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Booked start times for one key under one ceiling. */
export class ReservationLog {
  /** Ascending. Only bookings that can still share a window with a future request are kept. */
  private readonly starts: number[] = [];

  constructor(private readonly ceiling: Ceiling) {}

  get size(): number {
    return this.starts.length;
  }

  /** Forgets bookings that no window containing a time >= now can hold. */
  prune(now: number): void {
    const drop = searchAbove(this.starts, now - this.ceiling.windowMs, false);
    if (drop > 0) this.starts.splice(0, drop);
  }

  /**
   * The earliest t >= from at which one more start keeps every window at or under capacity. A time it has to move
   * to is rounded up to a whole millisecond (clocks and timers count whole ms anyway), so a fractional window (rates
   * below 1/s: 1000/0.3 ms) cannot leave bookings a rounding error inside each other's windows.
   */
  earliest(from: number): number {
    let t = from;
    for (;;) {
      const needed = this.conflictEnd(t);
      if (needed === undefined) return t;
      t = Math.ceil(needed);
    }
  }

  book(t: number): void {
    this.starts.splice(searchAbove(this.starts, t, false), 0, t);
  }

  /**
   * Undefined when t is free. Otherwise the earliest time that clears every full run found: a run of `capacity`
   * consecutive bookings that, with t, spans less than a window is cleared only once t >= its first + window.
   */
  private conflictEnd(t: number): number | undefined {
    const { capacity: k, windowMs: w } = this.ceiling;
    const s = this.starts;
    const lo = searchAbove(s, t - w, false);
    const hi = searchAbove(s, t + w, true);
    let needed: number | undefined;
    for (let j = lo; j + k - 1 < hi; j++) {
      const first = s[j] as number;
      const last = s[j + k - 1] as number;
      // Compared as a sum, never a difference: `needed` is first + w, and in floating point (first + w) - first can
      // be < w (spacings such as 1050/26 are not exact), which would return t itself and loop forever.
      if (Math.max(last, t) < Math.min(first, t) + w) needed = Math.max(needed ?? first + w, first + w);
    }
    return needed;
  }
}

export interface ThrottleLimits {
  /** Writes per second per subscription. */
  writesPerSecond: number;
  /** All requests per second per subscription (tenant-level calls under TENANT_KEY). */
  requestsPerSecond: number;
  /** Default ARRIVAL_GUARD_MS. */
  guardMs?: number;
}

export interface ThrottleTicket {
  /** Subscription, or TENANT_KEY. */
  key: string;
  /** Writes count against the write ceiling too. */
  isWrite: boolean;
}

/** Both ceilings of one client. */
export class ArmThrottle {
  private readonly writeCeilings: Ceiling[];
  private readonly requestCeilings: Ceiling[];
  private readonly writes = new Map<string, ReservationLog[]>();
  private readonly requests = new Map<string, ReservationLog[]>();

  constructor(limits: ThrottleLimits, private readonly sleep: Sleep, private readonly now: Now) {
    this.writeCeilings = pacedCeilings(limits.writesPerSecond, limits.guardMs);
    this.requestCeilings = pacedCeilings(limits.requestsPerSecond, limits.guardMs);
  }

  /** Waits until the request may be sent. Returns the delay it imposed. */
  async acquire(ticket: ThrottleTicket): Promise<number> {
    const logs: ReservationLog[] = [
      ...(ticket.isWrite ? logsOf(this.writes, ticket.key, this.writeCeilings) : []),
      ...logsOf(this.requests, ticket.key, this.requestCeilings),
    ];
    if (logs.length === 0) return 0;
    const t0 = this.now();
    // The earliest time free in every log: each pass only moves t forward, past a booking plus a window.
    let t = t0;
    for (let settled = false; !settled; ) {
      settled = true;
      for (const log of logs) {
        log.prune(t0);
        const next = log.earliest(t);
        if (next !== t) {
          t = next;
          settled = false;
        }
      }
    }
    for (const log of logs) log.book(t);
    const wait = t - t0;
    if (wait > 0) await this.sleep(wait);
    return wait;
  }
}

function logsOf(map: Map<string, ReservationLog[]>, key: string, ceilings: readonly Ceiling[]): ReservationLog[] {
  let logs = map.get(key);
  if (logs === undefined) {
    logs = ceilings.map((c) => new ReservationLog(c));
    map.set(key, logs);
  }
  return logs;
}
