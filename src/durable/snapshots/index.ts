export * from './snapshot-store';
export * from './file-snapshot-store';
export * from './blob-snapshot-store';
export * from './blob-rest';
export * from './migration-snapshots';
export * from './report-store';
