/**
 * Ceiling on writes per second per subscription. A reservation scheduler (GCRA, burst of one): each write
 * books the next free slot `1000 / writesPerSecond` ms after the previous one for that subscription and sleeps
 * until its slot. Booking happens before sleeping, so concurrent writers queue up fairly and a fake `sleep`
 * in tests sees exactly the delays a real one would.
 */
import type { Now, Sleep } from './clock';

export class WriteThrottle {
  private readonly nextSlot = new Map<string, number>();
  private readonly intervalMs: number;

  constructor(writesPerSecond: number, private readonly sleep: Sleep, private readonly now: Now) {
    // Infinity or a non-positive value switches the ceiling off.
    this.intervalMs = Number.isFinite(writesPerSecond) && writesPerSecond > 0 ? 1000 / writesPerSecond : 0;
  }

  /** Waits until a write to `key` (a subscription id) may be sent. Returns the delay it imposed. */
  async acquire(key: string): Promise<number> {
    if (this.intervalMs === 0) return 0;
    const t = this.now();
    const slot = Math.max(t, this.nextSlot.get(key) ?? t);
    this.nextSlot.set(key, slot + this.intervalMs);
    const wait = slot - t;
    if (wait > 0) await this.sleep(wait);
    return wait;
  }
}
