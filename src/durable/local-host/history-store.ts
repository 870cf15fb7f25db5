/**
 * Where the host persists instances. The host writes a whole record after every step (an episode, a
 * delivered completion, a fired timer, a raised event); a crash between writes loses only in-flight work.
 */
import type { InstanceRecord } from './instance-record';

export interface HistoryStore {
  /** Every persisted instance, in any order. */
  loadAll(): Promise<InstanceRecord[]>;
  save(record: InstanceRecord): Promise<void>;
}

/** Default store: keeps deep copies, so nothing the host mutates afterwards leaks into "storage". */
export class InMemoryHistoryStore implements HistoryStore {
  private readonly records = new Map<string, InstanceRecord>();

  async loadAll(): Promise<InstanceRecord[]> {
    return [...this.records.values()].map((record) => structuredClone(record));
  }

  async save(record: InstanceRecord): Promise<void> {
    this.records.set(record.instanceId, structuredClone(record));
  }
}
