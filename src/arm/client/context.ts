/** What every group of operations shares: the transport, the LRO engine and the per-workspace write lock. */
import type { KeyedMutex } from './keyed-mutex';
import type { LroEngine } from './lro';
import type { ArmTransport } from './transport';

export interface ClientContext {
  transport: ArmTransport;
  lro: LroEngine;
  ruleWrites: KeyedMutex;
}
