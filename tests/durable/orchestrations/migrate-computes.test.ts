import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORCHESTRATORS, type MigrateComputesOutput, type OnboardWorkspaceOutput } from '../../../src/durable/contracts';
import { instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import { HistoryEventType, SimulatedCrashError } from '../../../src/durable/local-host';
import { manifestKey, migrationPrefix, readManifest } from '../../../src/durable/snapshots/migration-snapshots';
import { EMPTY_SUBSCRIPTION_ID } from '../../../src/emulator/scenarios';
import type { Policy } from '../../../src/policy/types';
import { byName, computeDefinition, deploymentDefinition, endpointDefinition } from '../../support/compare';
import { approve, runUntilWaitingForApproval } from '../../support/durable';
import { buildMigrationFixture, FAST_COMPUTE_DURATIONS, type MigrationFixture } from '../../support/migration-fixture';
import { approvedOutboundPolicy } from '../../support/policies';
import { startTestRig, type TestRig, type TestRigOptions } from '../../support/test-rig';

const MIN = 60_000;

function policy(extra: Record<string, unknown> = {}): Policy {
  return approvedOutboundPolicy([EMPTY_SUBSCRIPTION_ID], { compute_migration: { mode: 'require_approval', max_parallel_deletes: 2 }, ...extra });
}

async function withFixture(fn: (rig: TestRig, f: MigrationFixture) => Promise<void>, options: TestRigOptions = {}): Promise<void> {
  const rig = await startTestRig({
    scenario: 'empty',
    emulator: { retryAfterSeconds: 30 },
    ...options,
    durations: { ...FAST_COMPUTE_DURATIONS, ...(options.durations ?? {}) },
  });
  try {
    const fixture = await buildMigrationFixture(rig.arm);
    rig.emu.clearRequests();
    await fn(rig, fixture);
  } finally {
    await rig.close();
  }
}

async function onboardApproved(rig: TestRig, f: MigrationFixture, p: Policy): Promise<OnboardWorkspaceOutput> {
  const id = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, {
    instanceId: instanceIdForWorkspace(f.workspace.id),
    input: { workspaceId: f.workspace.id, policy: p, dryRun: false, request: { trigger: 'http', ticketId: 'CHG-42' } },
  });
  const waiting = await runUntilWaitingForApproval(rig.host, id);
  assert.ok(waiting.waitingForApproval?.stepIds.includes('migrate-computes'));
  await approve(rig.host, id);
  const status = await rig.host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
  return status.output as OnboardWorkspaceOutput;
}

function countBy(rig: TestRig, method: string, pattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rig.requests()) {
    if (r.method !== method) continue;
    const m = pattern.exec(r.path);
    if (m?.[1] !== undefined) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  return counts;
}

const COMPUTE = /\/computes\/([^/?]+)$/i;
const ENDPOINT = /\/onlineEndpoints\/([^/?]+)$/i;
const DEPLOYMENT = /\/onlineEndpoints\/([^/?]+\/deployments\/[^/?]+)$/i;

test('3 clusters, 3 instances, 2 endpoints x 2 deployments: migrated into the managed network, same definitions, each deleted and recreated exactly once', () =>
  withFixture(async (rig, f) => {
    const out = await onboardApproved(rig, f, policy());
    assert.equal(out.result, 'applied', JSON.stringify(out.outcomes, null, 1));
    assert.ok(out.migrationId);

    const ws = await rig.arm.getWorkspace(f.workspace.id);
    assert.equal(ws.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound');
    assert.equal(ws.properties.managedNetwork?.status?.status, 'Active');

    // Same computes, same definitions (read-only fields aside), no customer subnet, no duplicates.
    const after = await rig.arm.listComputes(f.workspace.id);
    assert.deepEqual(after.map((c) => c.name).sort(), f.before.computes.map((c) => c.name).sort());
    const beforeByName = byName(f.before.computes);
    for (const c of after) {
      assert.equal(c.properties.provisioningState, 'Succeeded');
      assert.deepEqual(computeDefinition(c), computeDefinition(beforeByName.get(c.name) as (typeof after)[number]), c.name);
      assert.equal(c.properties.properties?.['subnet'], undefined, `${c.name} has no subnet`);
    }
    const instance = after.find((c) => c.name === 'ci-user-1');
    assert.deepEqual((instance?.properties.properties?.['personalComputeInstanceSettings'] as { assignedUser: unknown }).assignedUser, {
      objectId: '00000001-1111-4111-8111-111111111111',
      tenantId: '00000000-0000-0000-0000-0000000000aa',
    });
    assert.ok(instance?.properties.properties?.['setupScripts'] && instance.properties.properties['schedules']);

    const endpoints = await rig.arm.listOnlineEndpoints(f.workspace.id);
    assert.deepEqual(endpoints.map((e) => e.name).sort(), ['ep-0', 'ep-1']);
    for (const { endpoint, deployments } of f.before.endpoints) {
      const now = endpoints.find((e) => e.name === endpoint.name);
      assert.ok(now);
      assert.deepEqual(endpointDefinition(now), endpointDefinition(endpoint), `${endpoint.name} (traffic included)`);
      const deps = await rig.arm.listOnlineDeployments(`${f.workspace.id}/onlineEndpoints/${endpoint.name}`);
      assert.equal(deps.length, deployments.length);
      for (const d of deployments) assert.deepEqual(deploymentDefinition(deps.find((x) => x.name === d.name) ?? d), deploymentDefinition(d));
    }

    // The request log: every compute and endpoint deleted once, created once (endpoints: once more for traffic).
    const deletes = countBy(rig, 'DELETE', COMPUTE);
    const creates = countBy(rig, 'PUT', COMPUTE);
    for (const c of f.before.computes) {
      assert.equal(deletes.get(c.name), 1, `DELETE ${c.name}`);
      assert.equal(creates.get(c.name), 1, `PUT ${c.name}`);
    }
    for (const { endpoint, deployments } of f.before.endpoints) {
      assert.equal(countBy(rig, 'DELETE', ENDPOINT).get(endpoint.name), 1);
      assert.equal(countBy(rig, 'PUT', ENDPOINT).get(endpoint.name), 2, 'create, then traffic');
      for (const d of deployments) assert.equal(countBy(rig, 'PUT', DEPLOYMENT).get(`${endpoint.name}/deployments/${d.name}`), 1);
    }
    assert.equal(countBy(rig, 'DELETE', DEPLOYMENT).size, 0, 'deployments go with their endpoint');

    // Deletes respect max_parallel_deletes (2): requests sent at the same virtual instant form a batch.
    const batches = new Map<number, number>();
    for (const r of rig.requests()) if (r.method === 'DELETE') batches.set(r.time, (batches.get(r.time) ?? 0) + 1);
    assert.ok([...batches.values()].every((n) => n <= 2), JSON.stringify([...batches.values()]));
    assert.equal([...batches.values()].reduce((a, b) => a + b, 0), 8);

    // Every delete came after the isolation mode was still Disabled and before the mode change; every create after provisioning.
    const seq = (method: string, re: RegExp): number[] => rig.requests().filter((r) => r.method === method && re.test(r.path)).map((r) => r.seq);
    const patch = seq('PATCH', /workspaces\/ws-mig$/i);
    const provision = seq('POST', /provisionManagedNetwork$/i);
    assert.ok(Math.max(...seq('DELETE', COMPUTE)) < Math.min(...patch));
    assert.ok(Math.min(...seq('PUT', COMPUTE)) > Math.min(...provision));

    // Snapshots remain in the store, with the manifest.
    const manifest = await readManifest(rig.snapshots, f.workspace.id, out.migrationId);
    assert.equal(manifest?.computes.length, 6);
    assert.equal(manifest?.onlineEndpoints.reduce((n, e) => n + e.deployments.length, 0), 4);
    assert.equal((await rig.snapshots.list(migrationPrefix(f.workspace.id, out.migrationId))).length, 6 + 2 + 4 + 1);
    assert.ok(out.outcomes.some((o) => o.stepId === 'migrate-computes:verify' && o.status === 'succeeded'));
  }));

test('every definition is in the snapshot store before the first delete is even scheduled', () =>
  withFixture(async (rig, f) => {
    rig.newHost({ crashAfter: (event) => event.EventType === HistoryEventType.TaskScheduled && (event.Name === 'startDeleteCompute' || event.Name === 'startDeleteOnlineEndpoint') });
    const id = await rig.host.startNew(ORCHESTRATORS.migrateComputes, {
      instanceId: instanceIdForWorkspace(f.workspace.id, 'migrate'),
      input: { workspaceId: f.workspace.id, policy: policy({ compute_migration: { mode: 'automatic' } }), migrationId: 'mig-crash', request: { trigger: 'cli' } },
    });
    await assert.rejects(rig.host.runUntilComplete(id), SimulatedCrashError);
    const manifest = await readManifest(rig.snapshots, f.workspace.id, 'mig-crash');
    assert.ok(manifest, 'manifest written');
    assert.equal(manifest.computes.length, 6);
    for (const key of [...manifest.computes.map((c) => c.key), ...manifest.onlineEndpoints.flatMap((e) => [e.key, ...e.deployments.map((d) => d.key)])]) {
      assert.ok(await rig.snapshots.get(key), key);
    }
    assert.equal(rig.requests().filter((r) => r.method === 'DELETE').length, 0);
    assert.equal((await rig.arm.listComputes(f.workspace.id)).length, 6);
    assert.ok(await rig.snapshots.get(manifestKey(f.workspace.id, 'mig-crash')));
  }, { persistHistory: true }));

test('standalone migration waiting for approval: rejected, nothing deleted, snapshots kept', () =>
  withFixture(async (rig, f) => {
    const id = await rig.host.startNew(ORCHESTRATORS.migrateComputes, {
      instanceId: instanceIdForWorkspace(f.workspace.id, 'migrate'),
      input: { workspaceId: f.workspace.id, policy: policy(), migrationId: 'mig-rejected', request: { trigger: 'http' } },
    });
    const waiting = await runUntilWaitingForApproval(rig.host, id);
    assert.deepEqual(waiting.waitingForApproval?.stepIds, ['migrate-computes:delete']);
    await rig.host.raiseEvent(id, 'approval', { approved: false, approver: 'owner@contoso.com' });
    const out = (await rig.host.runUntilComplete(id)).output as MigrateComputesOutput;
    assert.equal(out.result, 'rejected');
    assert.deepEqual(out.deleted, []);
    assert.equal(rig.writes().length, 0);
    assert.ok(await readManifest(rig.snapshots, f.workspace.id, 'mig-rejected'));
  }));

test('a failure after deletion keeps the snapshots; resumeMigration recreates only what is missing, and again is a no-op', () =>
  withFixture(async (rig, f) => {
    // cluster-1 cannot be recreated (a permanent 400 on every attempt of its PUT).
    const fault = rig.emu.faults.add({ method: 'PUT', path: '/computes/cluster-1', fault: { kind: 'status', status: 400, code: 'QuotaExceeded', message: 'no cores left' } });
    const out = await onboardApproved(rig, f, policy());
    assert.equal(out.result, 'failed');
    assert.ok(out.migrationId);
    const migration = out.outcomes.find((o) => o.stepId === 'migrate-computes');
    assert.match(migration?.detail ?? '', /missing: compute cluster-1/);
    assert.equal(out.errors[0]?.code, 'RecreateFailed');
    assert.deepEqual((await rig.arm.listComputes(f.workspace.id)).map((c) => c.name).sort(), ['ci-user-0', 'ci-user-1', 'ci-user-2', 'cluster-0', 'cluster-2']);

    rig.emu.faults.remove(fault);
    rig.emu.clearRequests();
    const resumeInput = { workspaceId: f.workspace.id, migrationId: out.migrationId, policy: policy(), request: { trigger: 'http' as const } };
    const r1 = await rig.host.startNew(ORCHESTRATORS.resumeMigration, { instanceId: instanceIdForWorkspace(f.workspace.id, 'migrate'), input: resumeInput });
    const resumed = (await rig.host.runUntilComplete(r1)).output as MigrateComputesOutput;
    assert.equal(resumed.result, 'migrated', JSON.stringify(resumed.outcomes, null, 1));
    assert.deepEqual([...countBy(rig, 'PUT', COMPUTE).keys()], ['cluster-1'], 'only the missing compute is created');
    assert.equal(rig.requests().filter((r) => r.method === 'DELETE').length, 0);
    const cluster1 = await rig.arm.getCompute(`${f.workspace.id}/computes/cluster-1`);
    assert.deepEqual(computeDefinition(cluster1), computeDefinition(f.before.computes.find((c) => c.name === 'cluster-1') ?? cluster1));

    rig.emu.clearRequests();
    const r2 = await rig.host.startNew(ORCHESTRATORS.resumeMigration, { instanceId: instanceIdForWorkspace(f.workspace.id, 'migrate'), input: resumeInput });
    assert.equal(((await rig.host.runUntilComplete(r2)).output as MigrateComputesOutput).result, 'migrated');
    assert.deepEqual(rig.writes(), [], 'nothing left to do');
  }));

test('provisioning that fails after deletion: the migration stops with computes missing; resumeMigration provisions and recreates', () =>
  withFixture(async (rig, f) => {
    rig.emu.faults.add({ method: 'POST', path: 'provisionManagedNetwork', times: 1, fault: { kind: 'lroFail', code: 'InternalError', message: 'provisioning broke' } });
    const out = await onboardApproved(rig, f, policy());
    assert.equal(out.result, 'failed');
    const provision = out.outcomes.find((o) => o.stepId === 'provision-network');
    assert.equal(provision?.status, 'failed');
    assert.match(provision?.error?.message ?? '', /provisioning broke/);
    assert.equal((await rig.arm.listComputes(f.workspace.id)).length, 0);
    const resume = await rig.host.startNew(ORCHESTRATORS.resumeMigration, {
      input: { workspaceId: f.workspace.id, migrationId: out.migrationId ?? '', policy: policy(), request: { trigger: 'cli' } },
    });
    const resumed = (await rig.host.runUntilComplete(resume)).output as MigrateComputesOutput;
    assert.equal(resumed.result, 'migrated', JSON.stringify(resumed.outcomes, null, 1));
    assert.equal((await rig.arm.listComputes(f.workspace.id)).length, 6);
    assert.equal((await rig.arm.getWorkspace(f.workspace.id)).properties.managedNetwork?.status?.status, 'Active');
  }, { durations: { provisionManagedNetwork: 20 * MIN } }));

test('unsupported computes: the migration refuses with the reason, unless skip_unsupported leaves them in place', () =>
  withFixture(async (rig, f) => {
    await rig.arm.createComputeAndWait(`${f.workspace.id}/computes/aks-attached`, {
      location: 'eastus',
      properties: { computeType: 'Kubernetes', resourceId: `/subscriptions/${EMPTY_SUBSCRIPTION_ID}/resourceGroups/rg-mig/providers/Microsoft.ContainerService/managedClusters/aks1`, properties: {} },
    });
    rig.emu.clearRequests();
    const refused = await rig.host.startNew(ORCHESTRATORS.migrateComputes, {
      input: { workspaceId: f.workspace.id, policy: policy({ compute_migration: { mode: 'automatic' } }), request: { trigger: 'cli' } },
    });
    const out = (await rig.host.runUntilComplete(refused)).output as MigrateComputesOutput;
    assert.equal(out.result, 'refused');
    assert.match(out.errors[0]?.message ?? '', /aks-attached \(Kubernetes\)/);
    assert.deepEqual(rig.writes(), []);

    const skipping = await rig.host.startNew(ORCHESTRATORS.migrateComputes, {
      input: { workspaceId: f.workspace.id, policy: policy({ compute_migration: { mode: 'automatic', skip_unsupported: true } }), dryRun: true, request: { trigger: 'cli' } },
    });
    const dry = (await rig.host.runUntilComplete(skipping)).output as MigrateComputesOutput;
    assert.equal(dry.result, 'dry-run');
    assert.match(dry.skipped[0] ?? '', /aks-attached/);
    assert.deepEqual(rig.writes(), []);
  }));

test('a compute whose recreate ENDED Failed: resumeMigration deletes it once, recreates it from the snapshot, and a second resume is a no-op', () =>
  withFixture(async (rig, f) => {
    // cluster-1's create is accepted, then the operation fails: the compute is left behind in state Failed.
    rig.emu.faults.add({ method: 'PUT', path: '/computes/cluster-1', times: 1, fault: { kind: 'lroFail', code: 'AllocationFailed', message: 'no capacity in the region' } });
    const id = await rig.host.startNew(ORCHESTRATORS.migrateComputes, {
      instanceId: instanceIdForWorkspace(f.workspace.id, 'migrate'),
      input: { workspaceId: f.workspace.id, policy: policy({ compute_migration: { mode: 'automatic', max_parallel_deletes: 2 } }), migrationId: 'mig-failed-create', request: { trigger: 'cli' } },
    });
    const out = (await rig.host.runUntilComplete(id)).output as MigrateComputesOutput;
    assert.equal(out.result, 'failed');
    assert.ok(out.missing.includes('compute cluster-1'), JSON.stringify(out.missing));
    assert.match(out.errors.map((e) => e.message).join('; '), /compute cluster-1: .*AllocationFailed/);
    const failed = await rig.arm.getCompute(`${f.workspace.id}/computes/cluster-1`);
    assert.equal(failed.properties.provisioningState, 'Failed');

    rig.emu.clearRequests();
    const resumeInput = { workspaceId: f.workspace.id, migrationId: 'mig-failed-create', policy: policy(), request: { trigger: 'http' as const } };
    const r1 = await rig.host.startNew(ORCHESTRATORS.resumeMigration, { instanceId: instanceIdForWorkspace(f.workspace.id, 'migrate'), input: resumeInput });
    const resumed = (await rig.host.runUntilComplete(r1)).output as MigrateComputesOutput;
    assert.equal(resumed.result, 'migrated', JSON.stringify(resumed.outcomes, null, 1));
    assert.match(resumed.outcomes.find((o) => o.stepId === 'migrate-computes:recreate')?.detail ?? '', /replaced \(were Failed\): compute cluster-1/);

    const cluster1 = await rig.arm.getCompute(`${f.workspace.id}/computes/cluster-1`);
    assert.equal(cluster1.properties.provisioningState, 'Succeeded');
    assert.deepEqual(computeDefinition(cluster1), computeDefinition(f.before.computes.find((c) => c.name === 'cluster-1') ?? cluster1));
    assert.equal(cluster1.properties.properties?.['subnet'], undefined, 'recreated inside the managed network');
    // Deleted exactly once after the failure, then created once; nothing else touched (Succeeded resources left alone).
    assert.deepEqual([...countBy(rig, 'DELETE', COMPUTE).entries()], [['cluster-1', 1]]);
    assert.deepEqual([...countBy(rig, 'PUT', COMPUTE).entries()], [['cluster-1', 1]]);
    assert.equal(rig.writes().length, 2, JSON.stringify(rig.writes().map((w) => `${w.method} ${w.path}`)));
    assert.ok(resumed.outcomes.some((o) => o.stepId === 'migrate-computes:verify' && o.status === 'succeeded'));

    rig.emu.clearRequests();
    const r2 = await rig.host.startNew(ORCHESTRATORS.resumeMigration, { instanceId: instanceIdForWorkspace(f.workspace.id, 'migrate'), input: resumeInput });
    assert.equal(((await rig.host.runUntilComplete(r2)).output as MigrateComputesOutput).result, 'migrated');
    assert.deepEqual(rig.writes(), [], 'nothing left to do');
  }));
