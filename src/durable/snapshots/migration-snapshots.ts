/**
 * Layout of a compute migration's snapshots in a SnapshotStore:
 *   {workspaceKey}/{migrationId}/{kind}-{name}.json   one definition each (deployments: `{endpoint}.{deployment}`)
 *   {workspaceKey}/{migrationId}/manifest.json         what was saved, written last
 * The manifest is written only after every definition, so its presence means the snapshot set is complete.
 */
import { workspaceKey } from '../instance-ids';
import type { SnapshotStore } from './snapshot-store';

export type SnapshotKind = 'compute' | 'endpoint' | 'deployment';

export interface SnapshotDocument<T = unknown> {
  kind: SnapshotKind;
  name: string;
  workspaceId: string;
  migrationId: string;
  capturedAt: string;
  definition: T;
}

export interface ManifestCompute {
  name: string;
  computeType: string;
  key: string;
}

export interface ManifestDeployment {
  name: string;
  key: string;
}

export interface ManifestEndpoint {
  name: string;
  key: string;
  /** The traffic split to restore once every deployment exists again. */
  traffic: Record<string, number>;
  deployments: ManifestDeployment[];
}

export interface MigrationManifest {
  version: 1;
  workspaceId: string;
  workspaceKey: string;
  migrationId: string;
  createdAt: string;
  computes: ManifestCompute[];
  onlineEndpoints: ManifestEndpoint[];
  /** Unsupported computes left in place (not snapshotted, never deleted). */
  skipped: { name: string; computeType: string; reason: string }[];
}

export function migrationPrefix(workspaceId: string, migrationId: string): string {
  return `${workspaceKey(workspaceId)}/${migrationId}/`;
}

export function snapshotKey(workspaceId: string, migrationId: string, kind: SnapshotKind, name: string): string {
  return `${migrationPrefix(workspaceId, migrationId)}${kind}-${name}.json`;
}

export function deploymentSnapshotName(endpoint: string, deployment: string): string {
  // Endpoint and deployment names cannot contain ".", so the pair stays unambiguous.
  return `${endpoint}.${deployment}`;
}

export function manifestKey(workspaceId: string, migrationId: string): string {
  return `${migrationPrefix(workspaceId, migrationId)}manifest.json`;
}

export class SnapshotMissingError extends Error {
  constructor(readonly key: string) {
    super(`snapshot ${key} is missing from the snapshot store`);
    this.name = 'SnapshotMissingError';
  }
}

export async function readManifest(store: SnapshotStore, workspaceId: string, migrationId: string): Promise<MigrationManifest | undefined> {
  const value = await store.get(manifestKey(workspaceId, migrationId));
  if (value === undefined) return undefined;
  if (!isManifest(value)) throw new Error(`manifest ${manifestKey(workspaceId, migrationId)} is not a migration manifest`);
  return value;
}

export async function readSnapshot<T>(store: SnapshotStore, key: string): Promise<SnapshotDocument<T>> {
  const value = await store.get(key);
  if (value === undefined) throw new SnapshotMissingError(key);
  if (typeof value !== 'object' || value === null || !('definition' in value)) throw new Error(`snapshot ${key} has no definition`);
  return value as SnapshotDocument<T>;
}

function isManifest(value: unknown): value is MigrationManifest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.version === 1 && typeof v.migrationId === 'string' && Array.isArray(v.computes) && Array.isArray(v.onlineEndpoints);
}
