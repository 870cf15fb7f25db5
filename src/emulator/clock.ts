/**
 * Clocks the emulator reads time from. LRO progress is computed from the clock on every request (no timers), so a
 * test moves time with a VirtualClock and never waits; the CLI-run process uses a ScaledClock.
 */
export interface EmulatorClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** A clock that can be moved forward (both implementations; the admin route uses it). */
export interface AdvanceableClock extends EmulatorClock {
  advance(ms: number): number;
}

/** 2025-01-01T00:00:00Z: a fixed start so that recorded times are reproducible. */
export const DEFAULT_VIRTUAL_START = Date.UTC(2025, 0, 1, 0, 0, 0);

export class VirtualClock implements AdvanceableClock {
  private current: number;

  constructor(start: number = DEFAULT_VIRTUAL_START) {
    assertFinite(start, 'start');
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): number {
    assertFinite(ms, 'ms');
    if (ms < 0) throw new RangeError('VirtualClock cannot go backwards; use set() to rewind on purpose');
    this.current += ms;
    return this.current;
  }

  advanceTo(ms: number): number {
    assertFinite(ms, 'ms');
    if (ms < this.current) throw new RangeError(`advanceTo(${ms}) is before now (${this.current})`);
    this.current = ms;
    return this.current;
  }

  set(ms: number): number {
    assertFinite(ms, 'ms');
    this.current = ms;
    return this.current;
  }
}

/** Real time multiplied by `scale` (600: 30 minutes pass in 3 seconds), plus any explicit advance. */
export class ScaledClock implements AdvanceableClock {
  private readonly realStart: number;
  private readonly start: number;
  private offset = 0;

  constructor(
    readonly scale: number = 600,
    private readonly realNow: () => number = Date.now,
  ) {
    assertFinite(scale, 'scale');
    if (scale <= 0) throw new RangeError('scale must be positive');
    this.realStart = realNow();
    this.start = this.realStart;
  }

  now(): number {
    return Math.floor(this.start + (this.realNow() - this.realStart) * this.scale + this.offset);
  }

  advance(ms: number): number {
    assertFinite(ms, 'ms');
    if (ms < 0) throw new RangeError('ScaledClock cannot go backwards');
    this.offset += ms;
    return this.now();
  }
}

export function isAdvanceable(clock: EmulatorClock): clock is AdvanceableClock {
  return typeof (clock as Partial<AdvanceableClock>).advance === 'function';
}

function assertFinite(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number`);
}
