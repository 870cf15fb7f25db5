/**
 * Persists each instance (history, inbox, status) as one JSON file, replaced atomically (write to a
 * temporary file, then rename), so a simulated crash never leaves a half-written record behind.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HistoryStore } from './history-store';
import { isInstanceRecord, type InstanceRecord } from './instance-record';

const SUFFIX = '.instance.json';

export class FileHistoryStore implements HistoryStore {
  constructor(readonly directory: string) {}

  private fileFor(instanceId: string): string {
    // Instance ids may hold ':' (sub-orchestrations) or other characters unsafe in file names.
    return join(this.directory, `${encodeURIComponent(instanceId)}${SUFFIX}`);
  }

  async loadAll(): Promise<InstanceRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
      throw error;
    }
    const records: InstanceRecord[] = [];
    for (const name of names.filter((n) => n.endsWith(SUFFIX)).sort()) {
      const parsed: unknown = JSON.parse(await readFile(join(this.directory, name), 'utf8'));
      if (!isInstanceRecord(parsed)) throw new Error(`${name} in ${this.directory} is not an instance record`);
      records.push(parsed);
    }
    return records;
  }

  async save(record: InstanceRecord): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const target = this.fileFor(record.instanceId);
    const temporary = `${target}.tmp`;
    await writeFile(temporary, JSON.stringify(record), 'utf8');
    await rename(temporary, target);
  }
}
