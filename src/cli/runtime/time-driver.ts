/**
 * How time passes for orchestrations the CLI runs on the local host. The host fires a timer by calling
 * `clock.advanceTo(fireAt)` when nothing else can run; each driver decides what that means:
 *  - virtual: the in-process emulator's VirtualClock jumps (the demo, tests: no real wait at all);
 *  - real: the clock is the wall clock; advanceTo only records the wish and `waitForWish` sleeps until then
 *    (Azure: a 30-minute provisioning poll really waits);
 *  - emulator: an emulator in another process (`mnet emulator`); the wish becomes POST /_emulator/clock, so the
 *    emulator's long-running operations and the orchestration timers move together without real waits.
 */
import type { HostClock } from '../../durable/local-host';

export interface TimeDriver {
  readonly mode: 'virtual' | 'real' | 'emulator';
  /** Handed to LocalDurableHost. */
  readonly clock: HostClock;
  /** Called before each unit of work (the emulator driver re-reads the emulator's time). */
  sync(): Promise<void>;
  /**
   * After the host asked to advance without moving (real/emulator): make that time arrive. Returns false when
   * there was no such wish (the virtual clock already moved).
   */
  waitForWish(onWait?: (ms: number) => void): Promise<boolean>;
  /** For the ARM client's retries / polling: sleep in this driver's time. */
  sleep(ms: number): Promise<void>;
}

/** Clock whose advanceTo only records the earliest requested time. */
class WishClock implements HostClock {
  wish: number | undefined;
  constructor(private readonly read: () => number) {}
  now(): number {
    return this.read();
  }
  advanceTo(ms: number): void {
    this.wish = this.wish === undefined ? ms : Math.min(this.wish, ms);
  }
  take(): number | undefined {
    const w = this.wish;
    this.wish = undefined;
    return w;
  }
}

export interface VirtualClockLike {
  now(): number;
  advanceTo(ms: number): unknown;
  advance(ms: number): unknown;
}

export function virtualTimeDriver(clock: VirtualClockLike): TimeDriver {
  const hostClock: HostClock = {
    now: () => clock.now(),
    advanceTo: (ms) => {
      if (ms > clock.now()) clock.advanceTo(ms);
    },
  };
  return {
    mode: 'virtual',
    clock: hostClock,
    sync: async () => undefined,
    waitForWish: async () => false,
    sleep: async (ms) => {
      if (ms > 0) clock.advance(ms);
    },
  };
}

export type RealSleep = (ms: number) => Promise<void>;

const defaultSleep: RealSleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export function realTimeDriver(options: { now?: () => number; sleep?: RealSleep } = {}): TimeDriver {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const clock = new WishClock(now);
  return {
    mode: 'real',
    clock,
    sync: async () => undefined,
    async waitForWish(onWait) {
      const wish = clock.take();
      if (wish === undefined) return false;
      const ms = Math.max(0, wish - now());
      onWait?.(ms);
      await sleep(ms);
      return true;
    },
    sleep,
  };
}

/** The admin routes of an emulator in another process (see src/emulator/admin.ts). */
export interface EmulatorClockApi {
  read(): Promise<number>;
  advance(ms: number): Promise<number>;
}

export function emulatorTimeDriver(api: EmulatorClockApi): TimeDriver {
  let current = 0;
  const clock = new WishClock(() => current);
  return {
    mode: 'emulator',
    clock,
    async sync() {
      current = await api.read();
    },
    async waitForWish(onWait) {
      const wish = clock.take();
      if (wish === undefined) return false;
      const ms = Math.max(0, wish - current);
      onWait?.(ms);
      // The emulator's clock may run on by itself (ScaledClock): never move it backwards, only forwards.
      current = ms > 0 ? await api.advance(ms) : await api.read();
      return true;
    },
    async sleep(ms) {
      if (ms > 0) current = await api.advance(ms);
    },
  };
}
