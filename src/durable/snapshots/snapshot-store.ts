/**
 * Durable storage for compute definitions saved before a migration deletes anything, and for reports.
 * A store is a flat map of slash-separated keys to JSON documents; implementations: FileSnapshotStore (local
 * runs) and BlobSnapshotStore (Azure Blob Storage over plain REST).
 */
export interface SnapshotStore {
  /** Writes (or overwrites) one JSON document. */
  put(key: string, value: unknown): Promise<void>;
  /**
   * Writes one JSON document only if the key does not exist yet; false when it did (nothing written).
   * Create-only writes keep a migration manifest from ever being replaced, even by a redelivered activity.
   */
  putIfAbsent(key: string, value: unknown): Promise<boolean>;
  /** Undefined when the key does not exist. */
  get(key: string): Promise<unknown | undefined>;
  /** Every key starting with `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class SnapshotKeyError extends Error {
  constructor(readonly key: string) {
    super(`"${key}" is not a valid snapshot key (slash-separated segments of letters, digits, ".", "_", "-")`);
    this.name = 'SnapshotKeyError';
  }
}

/** Keys become file paths and blob names: refuse anything that could escape the store's root. */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  if (segments.some((s) => !SEGMENT.test(s) || s === '.' || s === '..' || s.includes('..'))) throw new SnapshotKeyError(key);
}

/** A prefix is a key, optionally ending in "/" (or empty: everything). */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') return;
  assertValidKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}
