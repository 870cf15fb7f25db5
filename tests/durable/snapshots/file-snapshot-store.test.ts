import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSnapshotStore } from '../../../src/durable/snapshots/file-snapshot-store';
import { SnapshotKeyError } from '../../../src/durable/snapshots/snapshot-store';
import { FileReportStore } from '../../../src/durable/snapshots/report-store';
import { manifestKey, readManifest, readSnapshot, snapshotKey, SnapshotMissingError } from '../../../src/durable/snapshots/migration-snapshots';

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mnet-snap-'));
  try {
    await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const WS = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1';

test('file store: put, get, overwrite, list by prefix; missing key is undefined', () =>
  withDir(async (dir) => {
    const store = new FileSnapshotStore(dir);
    await store.put('a/m1/compute-c1.json', { v: 1 });
    await store.put('a/m1/compute-c2.json', { v: 2 });
    await store.put('a/m2/compute-c1.json', { v: 3 });
    await store.put('a/m1/compute-c1.json', { v: 4 });
    assert.deepEqual(await store.get('a/m1/compute-c1.json'), { v: 4 });
    assert.equal(await store.get('a/m1/nothing.json'), undefined);
    assert.deepEqual(await store.list('a/m1/'), ['a/m1/compute-c1.json', 'a/m1/compute-c2.json']);
    assert.deepEqual(await store.list(''), ['a/m1/compute-c1.json', 'a/m1/compute-c2.json', 'a/m2/compute-c1.json']);
    // No temporary files left behind.
    assert.deepEqual((await readdir(join(dir, 'a', 'm1'))).sort(), ['compute-c1.json', 'compute-c2.json']);
  }));

test('file store: a fresh instance on the same directory reads what an earlier one wrote', () =>
  withDir(async (dir) => {
    await new FileSnapshotStore(dir).put('k/v.json', { kept: true });
    assert.deepEqual(await new FileSnapshotStore(dir).get('k/v.json'), { kept: true });
    assert.deepEqual(await new FileSnapshotStore(join(dir, 'missing')).list(''), []);
  }));

test('file store: keys that could escape the directory are refused', () =>
  withDir(async (dir) => {
    const store = new FileSnapshotStore(dir);
    for (const key of ['../x.json', 'a/../../x.json', '/abs.json', 'a//b.json', 'a\\b.json', '']) {
      await assert.rejects(store.put(key, {}), SnapshotKeyError, key);
    }
    await assert.rejects(store.get('../x'), SnapshotKeyError);
  }));

test('migration layout: keys, manifest and snapshot documents round-trip', () =>
  withDir(async (dir) => {
    const store = new FileSnapshotStore(dir);
    const key = snapshotKey(WS, 'mig1', 'compute', 'cpu-1');
    assert.match(key, /^[0-9a-f]{32}\/mig1\/compute-cpu-1\.json$/);
    assert.equal(await readManifest(store, WS, 'mig1'), undefined);
    await assert.rejects(readSnapshot(store, key), SnapshotMissingError);
    await store.put(key, { kind: 'compute', name: 'cpu-1', workspaceId: WS, migrationId: 'mig1', capturedAt: 'now', definition: { a: 1 } });
    const manifest = { version: 1, workspaceId: WS, workspaceKey: 'k', migrationId: 'mig1', createdAt: 'now', computes: [], onlineEndpoints: [], skipped: [] };
    await store.put(manifestKey(WS, 'mig1'), manifest);
    assert.deepEqual(await readManifest(store, WS, 'mig1'), manifest);
    assert.deepEqual((await readSnapshot(store, key)).definition, { a: 1 });
    await store.put(manifestKey(WS, 'bad'), { hello: 1 });
    await assert.rejects(readManifest(store, WS, 'bad'), /not a migration manifest/);
  }));

test('file report store: the latest report is retrievable and history is kept', () =>
  withDir(async (dir) => {
    const reports = new FileReportStore(dir);
    assert.equal(await reports.latestDriftReport(), undefined);
    const first = await reports.saveDriftReport({ savedAt: '2025-01-01T00:00:00.000Z', policyName: 'p', instanceId: 'mnet-drift-1', report: { n: 1 } });
    await reports.saveDriftReport({ savedAt: '2025-01-01T06:00:00.000Z', policyName: 'p', instanceId: 'mnet-drift-1', report: { n: 2 } });
    assert.deepEqual((await reports.latestDriftReport())?.report, { n: 2 });
    const keys = await reports.listDriftReports();
    assert.equal(keys.length, 2);
    assert.deepEqual((await reports.getDriftReport(first.key))?.report, { n: 1 });
    assert.equal(await reports.getDriftReport('drift/latest.json'), undefined);
  }));

test('putIfAbsent: the first writer wins, a second write changes nothing and leaves no temp file', () =>
  withDir(async (dir) => {
    const store = new FileSnapshotStore(dir);
    const [a, b] = await Promise.all([
      store.putIfAbsent('ws/m1/manifest.json', { computes: ['cpu-1'] }),
      store.putIfAbsent('ws/m1/manifest.json', { computes: [] }),
    ]);
    assert.deepEqual([a, b].sort(), [false, true]);
    const winner = a ? { computes: ['cpu-1'] } : { computes: [] };
    assert.equal(await store.putIfAbsent('ws/m1/manifest.json', { computes: ['other'] }), false);
    assert.deepEqual(await store.get('ws/m1/manifest.json'), winner);
    assert.deepEqual(await readdir(join(dir, 'ws', 'm1')), ['manifest.json']);
  }));

test('a dry-run drift report is kept under its own key but never becomes the latest', () =>
  withDir(async (dir) => {
    const reports = new FileReportStore(dir);
    const real = await reports.saveDriftReport({ savedAt: '2026-01-01T00:00:00Z', policyName: 'p', instanceId: 'real', report: { drifted: [] } });
    const dry = await reports.saveDriftReport({ savedAt: '2026-01-01T01:00:00Z', policyName: 'p', instanceId: 'dry', report: { drifted: [1] }, dryRun: true });
    assert.equal((await reports.latestDriftReport())?.key, real.key);
    assert.deepEqual((await reports.getDriftReport(dry.key))?.report, { drifted: [1] });
  }));
