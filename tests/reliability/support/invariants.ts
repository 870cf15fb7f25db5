/**
 * Invariants over the emulator's request log and state. Each check returns the violations it found (empty when
 * the invariant holds), so a test asserts `deepEqual(violations, [])` and a failure names every offender.
 */
import type { ArmClient } from '../../../src/arm/client';
import type { RoleAssignment } from '../../../src/arm/types';
import type { RecordedRequest } from '../../../src/emulator';
import { byName, computeDefinition, deploymentDefinition, endpointDefinition } from '../../support/compare';
import type { MigrationTarget } from './fleet';

const ok = (r: RecordedRequest): boolean => r.status >= 200 && r.status < 300;
const lower = (s: string): string => s.toLowerCase();

/** Writes as the client counts them: not a GET, not a Resource Graph query. */
export function isWrite(r: RecordedRequest): boolean {
  return r.method !== 'GET' && !/\/providers\/Microsoft\.ResourceGraph\//i.test(r.path);
}

/** A dry run must not write anything, failed attempts included. */
export function writesDuring(requests: readonly RecordedRequest[]): string[] {
  return requests.filter(isWrite).map((r) => `${r.method} ${r.path} -> ${r.status}`);
}

/**
 * No resource deleted twice: between two accepted DELETEs of the same resource there must be an accepted PUT
 * that created it again. (A DELETE answered 404 deleted nothing.)
 */
export function deletedTwice(requests: readonly RecordedRequest[]): string[] {
  const state = new Map<string, 'deleted' | 'present'>();
  const out: string[] = [];
  for (const r of [...requests].sort((a, b) => a.seq - b.seq)) {
    if (!ok(r)) continue;
    const key = lower(r.path);
    if (r.method === 'DELETE') {
      if (state.get(key) === 'deleted') out.push(`${r.path} deleted again (request #${r.seq})`);
      state.set(key, 'deleted');
    } else if (r.method === 'PUT') {
      state.set(key, 'present');
    }
  }
  return out;
}

export function roleKey(ra: RoleAssignment): string {
  const role = ra.properties.roleDefinitionId.split('/').pop() ?? '';
  return `${lower(ra.properties.scope ?? '')}|${lower(ra.properties.principalId)}|${lower(role)}`;
}

/** Role assignments exactly once per scope + principal + role. */
export function duplicateRoleAssignments(assignments: readonly RoleAssignment[]): string[] {
  const counts = new Map<string, number>();
  for (const ra of assignments) counts.set(roleKey(ra), (counts.get(roleKey(ra)) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([k, n]) => `${k} assigned ${n} times`);
}

/** Role-assignment PUTs that created one (201) more than once for the same assignment name. */
export function roleAssignmentsCreatedTwice(requests: readonly RecordedRequest[]): string[] {
  const created = new Map<string, number>();
  for (const r of requests) {
    if (r.method !== 'PUT' || r.status !== 201 || !/\/providers\/Microsoft\.Authorization\/roleAssignments\//i.test(r.path)) continue;
    created.set(lower(r.path), (created.get(lower(r.path)) ?? 0) + 1);
  }
  return [...created].filter(([, n]) => n > 1).map(([p, n]) => `${p} created ${n} times`);
}

/** Every compute, endpoint and deployment that existed before exists again with the same definition. */
export async function restoredDifferences(arm: ArmClient, target: MigrationTarget): Promise<string[]> {
  const ws = target.workspace.id;
  const out: string[] = [];
  const computes = byName(await arm.listComputes(ws));
  for (const c of target.before.computes) {
    const now = computes.get(c.name);
    if (now === undefined) out.push(`${ws}: compute ${c.name} missing`);
    else if (JSON.stringify(computeDefinition(now)) !== JSON.stringify(computeDefinition(c))) out.push(`${ws}: compute ${c.name} changed`);
    else if (now.properties.provisioningState !== 'Succeeded') out.push(`${ws}: compute ${c.name} is ${now.properties.provisioningState ?? '?'}`);
  }
  if (computes.size !== target.before.computes.length) out.push(`${ws}: ${computes.size} computes, expected ${target.before.computes.length}`);
  const endpoints = byName(await arm.listOnlineEndpoints(ws));
  for (const { endpoint, deployments } of target.before.endpoints) {
    const now = endpoints.get(endpoint.name);
    if (now === undefined) {
      out.push(`${ws}: endpoint ${endpoint.name} missing`);
      continue;
    }
    if (JSON.stringify(endpointDefinition(now)) !== JSON.stringify(endpointDefinition(endpoint))) out.push(`${ws}: endpoint ${endpoint.name} changed`);
    const deps = byName(await arm.listOnlineDeployments(`${ws}/onlineEndpoints/${endpoint.name}`));
    for (const d of deployments) {
      const nowDep = deps.get(d.name);
      if (nowDep === undefined) out.push(`${ws}: deployment ${endpoint.name}/${d.name} missing`);
      else if (JSON.stringify(deploymentDefinition(nowDep)) !== JSON.stringify(deploymentDefinition(d))) out.push(`${ws}: deployment ${endpoint.name}/${d.name} changed`);
    }
  }
  return out;
}
