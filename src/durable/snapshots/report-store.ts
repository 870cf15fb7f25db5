/**
 * Where drift reports are kept. The latest one stays retrievable (the HTTP API serves GET /drift); every
 * report is also kept under its own key for history.
 */
import type { TokenCredential } from '@azure/core-auth';
import type { BlobRestOptions } from './blob-rest';
import { BlobSnapshotStore } from './blob-snapshot-store';
import { FileSnapshotStore } from './file-snapshot-store';
import type { SnapshotStore } from './snapshot-store';

export interface StoredDriftReport {
  key: string;
  savedAt: string;
  policyName: string;
  /** Orchestration instance that produced it. */
  instanceId?: string;
  /** The DriftReport from src/drift, as JSON. */
  report: unknown;
  /** A dry-run scan's report is kept under its own key but never becomes the latest (GET /drift). */
  dryRun?: boolean;
}

export interface ReportStore {
  saveDriftReport(entry: Omit<StoredDriftReport, 'key'>): Promise<StoredDriftReport>;
  latestDriftReport(): Promise<StoredDriftReport | undefined>;
  listDriftReports(): Promise<string[]>;
  getDriftReport(key: string): Promise<StoredDriftReport | undefined>;
}

const PREFIX = 'drift/';
const LATEST = 'drift/latest.json';

/** A ReportStore on any key/JSON store (files locally, blobs in Azure). */
export class JsonReportStore implements ReportStore {
  constructor(private readonly store: SnapshotStore) {}

  async saveDriftReport(entry: Omit<StoredDriftReport, 'key'>): Promise<StoredDriftReport> {
    // Keys sort by time: the timestamp is made key-safe, the instance id disambiguates same-second reports.
    const stamp = entry.savedAt.replace(/[^0-9A-Za-z]/g, '');
    const suffix = entry.instanceId ? `-${entry.instanceId.replace(/[^A-Za-z0-9_-]/g, '')}` : '';
    const stored: StoredDriftReport = { ...entry, key: `${PREFIX}reports/${stamp}${suffix}.json` };
    await this.store.put(stored.key, stored);
    // Latest last: a reader never sees a "latest" whose history entry is missing.
    if (entry.dryRun !== true) await this.store.put(LATEST, stored);
    return stored;
  }

  async latestDriftReport(): Promise<StoredDriftReport | undefined> {
    return (await this.store.get(LATEST)) as StoredDriftReport | undefined;
  }

  async listDriftReports(): Promise<string[]> {
    return this.store.list(`${PREFIX}reports/`);
  }

  async getDriftReport(key: string): Promise<StoredDriftReport | undefined> {
    if (!key.startsWith(`${PREFIX}reports/`)) return undefined;
    return (await this.store.get(key)) as StoredDriftReport | undefined;
  }
}

export class FileReportStore extends JsonReportStore {
  constructor(dir: string) {
    super(new FileSnapshotStore(dir));
  }
}

export class BlobReportStore extends JsonReportStore {
  constructor(containerUrl: string, credential: TokenCredential, options: BlobRestOptions = {}) {
    super(new BlobSnapshotStore(containerUrl, credential, options));
  }
}
