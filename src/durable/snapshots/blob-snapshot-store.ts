import type { TokenCredential } from '@azure/core-auth';
import { BlobRest, type BlobRestOptions } from './blob-rest';
import { assertValidKey, assertValidPrefix, type SnapshotStore } from './snapshot-store';

/** Snapshot store in an Azure Blob Storage container (Azure runs); keys are blob names. */
export class BlobSnapshotStore implements SnapshotStore {
  private readonly rest: BlobRest;

  constructor(containerUrl: string, credential: TokenCredential, options: BlobRestOptions = {}) {
    this.rest = new BlobRest(containerUrl, credential, options);
  }

  async put(key: string, value: unknown): Promise<void> {
    assertValidKey(key);
    await this.rest.putJson(key, value);
  }

  async putIfAbsent(key: string, value: unknown): Promise<boolean> {
    assertValidKey(key);
    return this.rest.putJsonIfAbsent(key, value);
  }

  async get(key: string): Promise<unknown | undefined> {
    assertValidKey(key);
    return this.rest.getJson(key);
  }

  async list(prefix: string): Promise<string[]> {
    assertValidPrefix(prefix);
    return this.rest.listNames(prefix);
  }
}
