import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotComputes } from '../../../src/durable/activities/snapshot-computes';
import { getActivityDependencies, setActivityDependencies } from '../../../src/durable/activities/dependencies';
import { manifestKey, type MigrationManifest } from '../../../src/durable/snapshots/migration-snapshots';
import type { SnapshotStore } from '../../../src/durable/snapshots/snapshot-store';
import { workspaceKey } from '../../../src/durable/instance-ids';
import { startTestRig } from '../../support/test-rig';

const WS = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-x/providers/Microsoft.MachineLearningServices/workspaces/ws-x';

test('a redelivered snapshot run that overlaps the deletes never replaces the first manifest', async () => {
  // Scenario: run A saved the manifest and the orchestrator deleted cpu-1; run B (the same activity, redelivered)
  // had already looked for a manifest and found none, and now finds cpu-1 gone. B must return A's manifest.
  const rig = await startTestRig({ scenario: 'empty' });
  try {
    const migrationId = 'm-race';
    const first: MigrationManifest = {
      version: 1, workspaceId: WS, workspaceKey: workspaceKey(WS), migrationId, createdAt: '2026-01-01T00:00:00.000Z',
      computes: [{ name: 'cpu-1', computeType: 'AmlCompute', key: `${manifestKey(WS, migrationId).replace(/manifest\.json$/, '')}compute-cpu-1.json` }],
      onlineEndpoints: [], skipped: [],
    };
    await rig.snapshots.put(manifestKey(WS, migrationId), first);
    let hidden = true;
    // B's first look happens before A's write lands: hide the manifest from that one read.
    const racing: SnapshotStore = {
      put: (k, v) => rig.snapshots.put(k, v),
      putIfAbsent: (k, v) => rig.snapshots.putIfAbsent(k, v),
      list: (p) => rig.snapshots.list(p),
      get: async (k) => {
        if (hidden && k === manifestKey(WS, migrationId)) {
          hidden = false;
          return undefined;
        }
        return rig.snapshots.get(k);
      },
    };
    setActivityDependencies({ ...getActivityDependencies(), snapshots: racing });
    const returned = await snapshotComputes({ workspaceId: WS, migrationId, computes: ['cpu-1'], onlineEndpoints: [], skipped: [], capturedAt: '2026-01-01T00:05:00.000Z' });
    assert.deepEqual(returned.computes.map((c) => c.name), ['cpu-1'], 'the first manifest wins');
    assert.deepEqual(((await rig.snapshots.get(manifestKey(WS, migrationId))) as MigrationManifest).computes.map((c) => c.name), ['cpu-1']);
  } finally {
    await rig.close();
  }
});
