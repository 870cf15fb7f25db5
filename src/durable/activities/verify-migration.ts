/**
 * Re-reads everything a migration recreated and compares it with the snapshot: the writable definition (the same
 * recreate body built from both sides, so read-only fields never count) and each endpoint's traffic. Fields the
 * service adds with defaults are not differences; a missing or changed field is.
 */
import type { InvocationContext } from '@azure/functions';
import { notFoundAsUndefined } from '../../arm/client/errors';
import { computeRecreateBody, onlineDeploymentRecreateBody, onlineEndpointRecreateBody } from '../../arm/recreate';
import type { ComputeResource, OnlineDeployment, OnlineEndpoint } from '../../arm/types';
import { readManifest, readSnapshot } from '../snapshots/migration-snapshots';
import { getActivityDependencies } from './dependencies';
import { computeId, onlineDeploymentId, onlineEndpointId } from './arm-ids';
import { sameSplit } from './start-recreate';

export interface VerifyMigrationInput {
  workspaceId: string;
  migrationId: string;
  insideManagedNetwork: boolean;
}

export interface VerifyMigrationOutput {
  /** `compute cpu-1`, `endpoint ep1`, `deployment ep1/blue`: in the snapshot, not in the workspace. */
  missing: string[];
  differences: string[];
  /** Present and equal to its snapshot. */
  verified: string[];
}

export async function verifyMigration(input: VerifyMigrationInput, _context?: InvocationContext): Promise<VerifyMigrationOutput> {
  const { arm, snapshots } = getActivityDependencies();
  const manifest = await readManifest(snapshots, input.workspaceId, input.migrationId);
  if (manifest === undefined) throw new Error(`[ManifestMissing] no snapshots for migration ${input.migrationId}`);
  const out: VerifyMigrationOutput = { missing: [], differences: [], verified: [] };
  const options = { insideManagedNetwork: input.insideManagedNetwork };

  for (const c of manifest.computes) {
    const label = `compute ${c.name}`;
    const current = await notFoundAsUndefined(arm.getCompute(computeId(input.workspaceId, c.name)));
    if (current === undefined) {
      out.missing.push(label);
      continue;
    }
    const expected = computeRecreateBody((await readSnapshot<ComputeResource>(snapshots, c.key)).definition, options);
    const diffs = subsetDifferences(expected, computeRecreateBody(current, { insideManagedNetwork: false }), '');
    if (input.insideManagedNetwork && hasSubnet(current)) diffs.push('properties.properties.subnet: still set inside the managed network');
    if (String(current.properties.provisioningState ?? '').toLowerCase() === 'failed') diffs.push('provisioningState: Failed');
    record(out, label, diffs);
  }
  for (const e of manifest.onlineEndpoints) {
    const label = `endpoint ${e.name}`;
    const endpointId = onlineEndpointId(input.workspaceId, e.name);
    const current = await notFoundAsUndefined(arm.getOnlineEndpoint(endpointId));
    if (current === undefined) {
      out.missing.push(label, ...e.deployments.map((d) => `deployment ${e.name}/${d.name}`));
      continue;
    }
    const expected = onlineEndpointRecreateBody((await readSnapshot<OnlineEndpoint>(snapshots, e.key)).definition);
    const diffs = subsetDifferences(expected.body, onlineEndpointRecreateBody(current).body, '');
    if (!sameSplit(current.properties.traffic, e.traffic)) {
      diffs.push(`traffic: ${JSON.stringify(current.properties.traffic ?? {})} instead of ${JSON.stringify(e.traffic)}`);
    }
    record(out, label, diffs);
    for (const d of e.deployments) {
      const dLabel = `deployment ${e.name}/${d.name}`;
      const dep = await notFoundAsUndefined(arm.getOnlineDeployment(onlineDeploymentId(input.workspaceId, e.name, d.name)));
      if (dep === undefined) {
        out.missing.push(dLabel);
        continue;
      }
      const want = onlineDeploymentRecreateBody((await readSnapshot<OnlineDeployment>(snapshots, d.key)).definition);
      record(out, dLabel, subsetDifferences(want, onlineDeploymentRecreateBody(dep), ''));
    }
  }
  return out;
}

function record(out: VerifyMigrationOutput, label: string, diffs: string[]): void {
  if (diffs.length === 0) out.verified.push(label);
  else out.differences.push(...diffs.map((d) => `${label}: ${d}`));
}

function hasSubnet(compute: ComputeResource): boolean {
  const subnet = compute.properties.properties?.['subnet'];
  return typeof subnet === 'object' && subnet !== null && Object.keys(subnet).length > 0;
}

/** Every value in `expected` must be in `actual` (strings compare without case: ARM echoes ids and enums freely). */
export function subsetDifferences(expected: unknown, actual: unknown, path: string): string[] {
  const at = path === '' ? '(root)' : path;
  if (expected === null || typeof expected !== 'object') {
    if (typeof expected === 'string' && typeof actual === 'string') {
      return expected.toLowerCase() === actual.toLowerCase() ? [] : [`${at}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`];
    }
    return expected === actual ? [] : [`${at}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${at}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`];
    return expected.flatMap((item, i) => subsetDifferences(item, actual[i], `${path}[${i}]`));
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${at}: missing`];
  const a = actual as Record<string, unknown>;
  return Object.entries(expected as Record<string, unknown>).flatMap(([key, value]) =>
    value === undefined ? [] : subsetDifferences(value, a[key], path === '' ? key : `${path}.${key}`),
  );
}
