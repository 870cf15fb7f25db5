/** A SnapshotStore in memory: drift reports of a CLI run need not outlive the process. */
import { assertValidKey, assertValidPrefix, type SnapshotStore } from '../../durable/snapshots/snapshot-store';

export class MemorySnapshotStore implements SnapshotStore {
  private readonly docs = new Map<string, string>();

  async put(key: string, value: unknown): Promise<void> {
    assertValidKey(key);
    this.docs.set(key, JSON.stringify(value));
  }

  async putIfAbsent(key: string, value: unknown): Promise<boolean> {
    assertValidKey(key);
    if (this.docs.has(key)) return false;
    this.docs.set(key, JSON.stringify(value));
    return true;
  }

  async get(key: string): Promise<unknown | undefined> {
    assertValidKey(key);
    const text = this.docs.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  }

  async list(prefix: string): Promise<string[]> {
    assertValidPrefix(prefix);
    return [...this.docs.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
