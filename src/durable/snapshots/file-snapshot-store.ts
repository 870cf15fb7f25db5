import { link, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { assertValidKey, assertValidPrefix, type SnapshotStore } from './snapshot-store';

/** Snapshot store on the local file system (local runs, tests). One file per key under `dir`. */
export class FileSnapshotStore implements SnapshotStore {
  constructor(readonly dir: string) {}

  async put(key: string, value: unknown): Promise<void> {
    assertValidKey(key);
    const path = join(this.dir, ...key.split('/'));
    await mkdir(dirname(path), { recursive: true });
    // Write then rename: a crash mid-write never leaves a truncated snapshot behind.
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await rename(tmp, path);
  }

  async putIfAbsent(key: string, value: unknown): Promise<boolean> {
    assertValidKey(key);
    const path = join(this.dir, ...key.split('/'));
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
    try {
      // link() fails with EEXIST where rename() would silently replace: the first writer wins, atomically.
      await link(tmp, path);
      return true;
    } catch (err) {
      if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'EEXIST') return false;
      throw err;
    } finally {
      await unlink(tmp);
    }
  }

  async get(key: string): Promise<unknown | undefined> {
    assertValidKey(key);
    try {
      return JSON.parse(await readFile(join(this.dir, ...key.split('/')), 'utf8')) as unknown;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async list(prefix: string): Promise<string[]> {
    assertValidPrefix(prefix);
    const keys: string[] = [];
    await this.walk(this.dir, keys);
    return keys.filter((k) => k.startsWith(prefix)).sort();
  }

  private async walk(dir: string, out: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await this.walk(path, out);
      else if (entry.isFile() && !entry.name.endsWith('.tmp')) out.push(relative(this.dir, path).split(sep).join('/'));
    }
  }
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOENT';
}
