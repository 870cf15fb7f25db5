/**
 * ARM request budget per subscription: a ceiling on WRITES and a ceiling on ALL requests (reads, writes, LRO
 * polls), both STRICT over any sliding window: at most N requests start in any window [t, t + 1000 ms), whatever
 * the concurrency. Requests without a subscription in their URL (Resource Graph, tenant-level calls) share the
 * `tenant` key.
 *
 * Each ceiling is a reservation log per key: the sorted start times already booked (past and future). A request
 * books the earliest time t >= now at which every window containing t still holds fewer than N bookings, in every
 * log it counts against (its subscription's request log, and write log for a write), then sleeps until t. Booking
 * happens synchronously before sleeping, so concurrent callers cannot both take the last place in a window, and a
 * fake `sleep` in tests sees exactly the delays a real one would. Under the budget nothing waits: N requests may
 * go at once, the (N+1)-th waits until the first leaves the window.
 *
 * Why that is a proof: bookings x_1 <= x_2 <= ... in one log satisfy x_{i+N} - x_i >= window for every i (each
 * insertion checks the N-runs it joins), and a half-open window of that length cannot contain N+1 points that far
 * apart.
 *
 * The window is 1000 ms plus ARRIVAL_GUARD_MS: the server counts ARRIVALS, and a request that leaves the client
 * on time can still reach ARM some milliseconds late (new TLS connection, event-loop delay) while one booked a
 * second later arrives promptly. The guard absorbs that skew, so "<= N in any second" also holds at the server.
 *
 * Rates: N = floor(rate) per second for rate >= 1 (a strict 1-s window cannot hold a fraction of a request, so
 * 2.5 behaves as 2); below 1, one request per 1000/rate ms (0.5: one every 2 s). 0, a negative value or Infinity
 * switches a ceiling off.
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

  /** The earliest t >= from at which one more start keeps every window at or under capacity. */
  earliest(from: number): number {
    let t = from;
    for (;;) {
      const needed = this.conflictEnd(t);
      if (needed === undefined) return t;
      t = needed;
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
      if (Math.max(last, t) - Math.min(first, t) < w) needed = Math.max(needed ?? first + w, first + w);
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
  private readonly writeCeiling: Ceiling | undefined;
  private readonly requestCeiling: Ceiling | undefined;
  private readonly writes = new Map<string, ReservationLog>();
  private readonly requests = new Map<string, ReservationLog>();

  constructor(limits: ThrottleLimits, private readonly sleep: Sleep, private readonly now: Now) {
    this.writeCeiling = ceilingFor(limits.writesPerSecond, limits.guardMs);
    this.requestCeiling = ceilingFor(limits.requestsPerSecond, limits.guardMs);
  }

  /** Waits until the request may be sent. Returns the delay it imposed. */
  async acquire(ticket: ThrottleTicket): Promise<number> {
    const logs: ReservationLog[] = [];
    if (ticket.isWrite && this.writeCeiling !== undefined) logs.push(logOf(this.writes, ticket.key, this.writeCeiling));
    if (this.requestCeiling !== undefined) logs.push(logOf(this.requests, ticket.key, this.requestCeiling));
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

function logOf(map: Map<string, ReservationLog>, key: string, ceiling: Ceiling): ReservationLog {
  let log = map.get(key);
  if (log === undefined) {
    log = new ReservationLog(ceiling);
    map.set(key, log);
  }
  return log;
}
