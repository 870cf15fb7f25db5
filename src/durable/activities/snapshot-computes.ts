/**
 * Saves every definition a migration will delete to durable storage, BEFORE anything is deleted: each compute,
 * each online endpoint (with its traffic) and each deployment, then the manifest. If the manifest already exists
 * the snapshots are complete and are never overwritten (a re-run after deletions must not replace them with an
 * inventory that lacks the deleted computes).
 */
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined } from '../../arm/client/errors';
import { workspaceKey } from '../instance-ids';
import {
  deploymentSnapshotName,
  manifestKey,
  readManifest,
  snapshotKey,
  type ManifestEndpoint,
  type MigrationManifest,
  type SnapshotDocument,
  type SnapshotKind,
} from '../snapshots/migration-snapshots';
import { getActivityDependencies, logWrite } from './dependencies';
import { computeId, onlineEndpointId } from './arm-ids';

export interface SnapshotComputesInput {
  workspaceId: string;
  migrationId: string;
  computes: string[];
  onlineEndpoints: string[];
  skipped: { name: string; computeType: string; reason: string }[];
  capturedAt: string;
}

export async function snapshotComputes(input: SnapshotComputesInput, _context?: InvocationContext): Promise<MigrationManifest> {
  const { arm, snapshots } = getActivityDependencies();
  const existing = await readManifest(snapshots, input.workspaceId, input.migrationId);
  if (existing !== undefined) return existing;

  const save = async (kind: SnapshotKind, name: string, definition: unknown): Promise<string> => {
    const key = snapshotKey(input.workspaceId, input.migrationId, kind, name);
    const doc: SnapshotDocument = { kind, name, workspaceId: input.workspaceId, migrationId: input.migrationId, capturedAt: input.capturedAt, definition };
    await snapshots.put(key, doc);
    // Read back: a snapshot that cannot be read is no snapshot, and nothing may be deleted on its strength.
    if ((await snapshots.get(key)) === undefined) throw new Error(`[SnapshotNotReadable] snapshot ${key} could not be read back`);
    return key;
  };

  const manifest: MigrationManifest = {
    version: 1,
    workspaceId: input.workspaceId,
    workspaceKey: workspaceKey(input.workspaceId),
    migrationId: input.migrationId,
    createdAt: input.capturedAt,
    computes: [],
    onlineEndpoints: [],
    skipped: input.skipped,
  };
  for (const name of input.computes) {
    const compute = await notFoundAsUndefined(arm.getCompute(computeId(input.workspaceId, name)));
    if (compute === undefined) continue; // gone since the inventory: nothing to delete or recreate
    manifest.computes.push({ name, computeType: compute.properties.computeType, key: await save('compute', name, compute) });
  }
  for (const name of input.onlineEndpoints) {
    const endpointId = onlineEndpointId(input.workspaceId, name);
    const endpoint = await notFoundAsUndefined(arm.getOnlineEndpoint(endpointId));
    if (endpoint === undefined) continue;
    const entry: ManifestEndpoint = { name, key: await save('endpoint', name, endpoint), traffic: endpoint.properties.traffic ?? {}, deployments: [] };
    for (const deployment of await arm.listOnlineDeployments(endpointId)) {
      entry.deployments.push({ name: deployment.name, key: await save('deployment', deploymentSnapshotName(name, deployment.name), deployment) });
    }
    manifest.onlineEndpoints.push(entry);
  }
  // The manifest last: its presence means every definition above is stored. Create-only: a redelivered run of this
  // activity that overlaps deletes must never replace the manifest with a post-delete inventory; the first wins.
  if (!(await snapshots.putIfAbsent(manifestKey(input.workspaceId, input.migrationId), manifest))) {
    const stored = await readManifest(snapshots, input.workspaceId, input.migrationId);
    if (stored === undefined) throw new Error(`[SnapshotNotReadable] manifest of migration ${input.migrationId} exists but cannot be read`);
    return stored;
  }
  logWrite(`snapshots saved: ${manifest.computes.length} compute(s), ${manifest.onlineEndpoints.length} endpoint(s)`, { workspaceId: input.workspaceId, migrationId: input.migrationId });
  return manifest;
}

export interface ReadMigrationManifestInput {
  workspaceId: string;
  migrationId: string;
}

export async function readMigrationManifest(input: ReadMigrationManifestInput, _context?: InvocationContext): Promise<MigrationManifest | null> {
  const { snapshots } = getActivityDependencies();
  return (await readManifest(snapshots, input.workspaceId, input.migrationId)) ?? null;
}
