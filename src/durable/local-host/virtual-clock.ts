/** Clocks the local host reads. Orchestrator time is the clock at each episode; timers fire by advancing it. */

export interface HostClock {
  now(): number;
  /** Present on virtual clocks: lets the host jump to the next due timer when nothing else can run. */
  advanceTo?(ms: number): void;
}

export class VirtualClock implements HostClock {
  private current: number;

  constructor(start: number | Date = Date.UTC(2024, 0, 1)) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.current;
  }

  /** Moves forward only; orchestrations must never see time run backwards. */
  advanceTo(ms: number): void {
    if (ms > this.current) this.current = ms;
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms);
  }
}
