/**
 * The reliability suites' fault mix: a share of ALL ARM calls fails, split evenly over 429 (with Retry-After),
 * 500, 503, connection reset and a slow answer, drawn from the emulator's seeded PRNG so a run is reproducible.
 */
import type { Fault, FaultInjector } from '../../../src/emulator';

export const FAULT_KINDS = ['429', '500', '503', 'reset', 'slow'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const FAULTS: Record<FaultKind, Fault> = {
  '429': { kind: 'status', status: 429, code: 'TooManyRequests', retryAfterSeconds: 2 },
  '500': { kind: 'status', status: 500, code: 'InternalServerError' },
  '503': { kind: 'status', status: 503, code: 'ServiceUnavailable' },
  reset: { kind: 'reset' },
  // Real milliseconds: kept tiny so the suites never wait.
  slow: { kind: 'latency', ms: 2 },
};

export interface FaultMix {
  /** How many times each kind fired so far. */
  fired(): Record<FaultKind, number>;
  total(): number;
  remove(): void;
}

/**
 * The injector tries faults in order, each with its own draw: fault i gets rate/n / (1 - (i*rate/n)) so that
 * each kind hits `rate/n` of all calls and together they hit `rate`.
 */
export function installFaultMix(faults: FaultInjector, rate: number, seed: number): FaultMix {
  faults.reseed(seed);
  const share = rate / FAULT_KINDS.length;
  const ids = new Map<FaultKind, number>();
  FAULT_KINDS.forEach((kind, i) => {
    ids.set(kind, faults.add({ path: /./, probability: share / (1 - i * share), fault: FAULTS[kind] }));
  });
  const fired = (): Record<FaultKind, number> => {
    const byId = new Map(faults.list().map((f) => [f.id, f.fired]));
    const out = { '429': 0, '500': 0, '503': 0, reset: 0, slow: 0 };
    for (const [kind, id] of ids) out[kind] = byId.get(id) ?? 0;
    return out;
  };
  return {
    fired,
    total: () => Object.values(fired()).reduce((a, b) => a + b, 0),
    remove: () => {
      for (const id of ids.values()) faults.remove(id);
    },
  };
}
