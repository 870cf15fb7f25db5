/**
 * One scenario per orchestrator for the crash-and-resume suites: how to set it up (cleanly, before any crash),
 * how to start it, and what must hold once it has finished. The generic invariants (nothing deleted twice, role
 * assignments once) are checked by the suite for every scenario; `verify` adds the scenario's own.
 */
import assert from 'node:assert/strict';
import { workspaceId } from '../../../src/arm/resource-id';
import {
  ORCHESTRATORS,
  type CreateWorkspaceInput,
  type CreateWorkspaceOutput,
  type DriftScanOutput,
  type MigrateComputesOutput,
  type OnboardWorkspaceOutput,
  type ProvisionNetworkOutput,
  type AssignApproverRolesOutput,
} from '../../../src/durable/contracts';
import { driftScanInstanceId, instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import type { InstanceStatus, LocalDurableHost } from '../../../src/durable/local-host';
import { testPolicy } from '../../support/policies';
import type { TestRig } from '../../support/test-rig';
import { createComputeSet, createWorkspaceFixture } from '../../support/workspaces';
import { onboardingInput } from './drive';
import { MIGRATION_SET, reliabilityPolicy, SHARED_STORAGE, SUB, type MigrationTarget } from './fleet';
import { restoredDifferences } from './invariants';

export interface CrashScenario {
  orchestrator: string;
  /** Builds what the orchestration acts on; returns its starter and its checks. */
  setup(rig: TestRig): Promise<{ start: (host: LocalDurableHost) => Promise<string>; verify: (rig: TestRig, status: InstanceStatus) => Promise<number> }>;
}

function completed(status: InstanceStatus): unknown {
  assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
  return status.output;
}

const count = (rig: TestRig, method: string, re: RegExp): number => rig.requests().filter((r) => r.method === method && r.status < 300 && re.test(r.path)).length;

async function sharedStorage(rig: TestRig): Promise<void> {
  await rig.arm.createResourceGroup(SUB, 'rg-shared', { location: 'eastus' });
  await rig.arm.putDependency('storageAccount', SHARED_STORAGE, { location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties: {} });
}

async function migrationTarget(rig: TestRig, name: string): Promise<MigrationTarget> {
  await sharedStorage(rig);
  const workspace = await createWorkspaceFixture(rig.arm, { subscriptionId: SUB, resourceGroup: `rg-${name}`, name, mode: 'Disabled' });
  return { workspace, before: await createComputeSet(rig.arm, workspace, MIGRATION_SET) };
}

async function activeApproved(rig: TestRig, id: string): Promise<void> {
  const ws = await rig.arm.getWorkspace(id);
  assert.equal(ws.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound', id);
  assert.equal(ws.properties.managedNetwork?.status?.status, 'Active', id);
}

const onboardWorkspace: CrashScenario = {
  orchestrator: ORCHESTRATORS.onboardWorkspace,
  async setup(rig) {
    const t = await migrationTarget(rig, 'ws-crash-onb');
    return {
      start: (host) => host.startNew(ORCHESTRATORS.onboardWorkspace, { instanceId: instanceIdForWorkspace(t.workspace.id), input: onboardingInput(t.workspace.id, reliabilityPolicy()) }),
      async verify(r, status) {
        assert.equal((completed(status) as OnboardWorkspaceOutput).result, 'applied');
        await activeApproved(r, t.workspace.id);
        assert.deepEqual(await restoredDifferences(r.arm, t), []);
        assert.equal(count(r, 'PATCH', /\/workspaces\/ws-crash-onb$/i), 1, 'one isolation-mode change');
        assert.equal(count(r, 'POST', /\/provisionManagedNetwork$/i), 1, 'one provisioning');
        return 5;
      },
    };
  },
};

const migrateComputes: CrashScenario = {
  orchestrator: ORCHESTRATORS.migrateComputes,
  async setup(rig) {
    const t = await migrationTarget(rig, 'ws-crash-mig');
    return {
      start: (host) =>
        host.startNew(ORCHESTRATORS.migrateComputes, {
          instanceId: instanceIdForWorkspace(t.workspace.id, 'migrate'),
          input: { workspaceId: t.workspace.id, policy: reliabilityPolicy(), request: { trigger: 'http' } },
        }),
      async verify(r, status) {
        assert.equal((completed(status) as MigrateComputesOutput).result, 'migrated');
        assert.deepEqual(await restoredDifferences(r.arm, t), []);
        for (const c of t.before.computes) assert.equal(count(r, 'PUT', new RegExp(`/computes/${c.name}$`, 'i')), 1, `one create of ${c.name}`);
        return 3;
      },
    };
  },
};

const provisionNetwork: CrashScenario = {
  orchestrator: ORCHESTRATORS.provisionNetwork,
  async setup(rig) {
    const ws = await createWorkspaceFixture(rig.arm, { subscriptionId: SUB, resourceGroup: 'rg-prov', name: 'ws-crash-prov', mode: 'AllowOnlyApprovedOutbound' });
    return {
      start: (host) => host.startNew(ORCHESTRATORS.provisionNetwork, { instanceId: instanceIdForWorkspace(ws.id, 'provision'), input: { workspaceId: ws.id, includeSpark: false, timeoutMinutes: 45 } }),
      async verify(r, status) {
        assert.equal((completed(status) as ProvisionNetworkOutput).status, 'Active');
        await activeApproved(r, ws.id);
        assert.equal(count(r, 'POST', /\/provisionManagedNetwork$/i), 1, 'provisioning requested once');
        return 3;
      },
    };
  },
};

const assignApproverRoles: CrashScenario = {
  orchestrator: ORCHESTRATORS.assignApproverRoles,
  async setup(rig) {
    await sharedStorage(rig);
    const ws = await createWorkspaceFixture(rig.arm, { subscriptionId: SUB, resourceGroup: 'rg-roles', name: 'ws-crash-roles', mode: 'AllowOnlyApprovedOutbound' });
    await rig.arm.putOutboundRule(ws.id, 'shared-blob', { type: 'PrivateEndpoint', category: 'UserDefined', destination: { serviceResourceId: SHARED_STORAGE, subresourceTarget: 'blob', sparkEnabled: false } });
    return {
      start: (host) =>
        host.startNew(ORCHESTRATORS.assignApproverRoles, {
          instanceId: instanceIdForWorkspace(ws.id, 'roles'),
          input: { workspaceId: ws.id, policy: reliabilityPolicy(), confirmActive: false, request: { trigger: 'http' } },
        }),
      async verify(r, status) {
        const out = completed(status) as AssignApproverRolesOutput;
        assert.ok(out.assigned.length >= 1, 'at least one role assigned');
        const onTarget = r.emu.state.roleAssignments().filter((a) => (a.properties.scope ?? '').toLowerCase() === SHARED_STORAGE.toLowerCase());
        assert.equal(onTarget.length, out.assigned.filter((a) => a.scope.toLowerCase() === SHARED_STORAGE.toLowerCase()).length);
        return 2;
      },
    };
  },
};

const resumeMigration: CrashScenario = {
  orchestrator: ORCHESTRATORS.resumeMigration,
  async setup(rig) {
    const t = await migrationTarget(rig, 'ws-crash-res');
    // A first migration whose create of one cluster is refused on every attempt (the activity retries 5 times):
    // snapshots kept, the cluster missing.
    rig.emu.faults.add({ method: 'PUT', path: /\/computes\/cluster-1$/i, times: 5, fault: { kind: 'status', status: 400, code: 'QuotaExceeded', message: 'injected: no quota' } });
    const host = rig.newHost();
    const first = await host.startNew(ORCHESTRATORS.migrateComputes, { input: { workspaceId: t.workspace.id, policy: reliabilityPolicy(), request: { trigger: 'http' } } });
    const failed = (await host.runUntilComplete(first)).output as MigrateComputesOutput;
    assert.equal(failed.result, 'failed', 'the setup migration must fail');
    assert.ok(failed.missing.some((m) => m.includes('cluster-1')), JSON.stringify(failed.missing));
    rig.emu.clearRequests();
    return {
      start: (h) =>
        h.startNew(ORCHESTRATORS.resumeMigration, {
          instanceId: instanceIdForWorkspace(t.workspace.id, 'migrate'),
          input: { workspaceId: t.workspace.id, migrationId: failed.migrationId, policy: reliabilityPolicy(), request: { trigger: 'http' } },
        }),
      async verify(r, status) {
        completed(status);
        assert.deepEqual(await restoredDifferences(r.arm, t), []);
        return 2;
      },
    };
  },
};

const driftScan: CrashScenario = {
  orchestrator: ORCHESTRATORS.driftScan,
  async setup(rig) {
    await sharedStorage(rig);
    const ids: string[] = [];
    for (const name of ['ws-drift-a', 'ws-drift-b']) ids.push((await createWorkspaceFixture(rig.arm, { subscriptionId: SUB, resourceGroup: 'rg-drift', name, mode: 'Disabled' })).id);
    const policy = testPolicy({ ...structuredClone(reliabilityPolicy()), name: 'reliability-drift', drift: { mode: 'remediate', max_workspaces_per_run: 5 } });
    return {
      start: (host) => host.startNew(ORCHESTRATORS.driftScan, { instanceId: driftScanInstanceId(policy.name), input: { policy, subscriptions: [SUB], request: { trigger: 'timer' } } }),
      async verify(r, status) {
        const out = completed(status) as DriftScanOutput;
        assert.equal(out.drifted, 2);
        assert.deepEqual(out.remediation.map((x) => x.result), ['applied', 'applied'], JSON.stringify(out.remediation));
        for (const id of ids) await activeApproved(r, id);
        assert.ok(await r.reports.latestDriftReport(), 'the report was saved');
        return 4;
      },
    };
  },
};

const createWorkspace: CrashScenario = {
  orchestrator: ORCHESTRATORS.createWorkspace,
  async setup(rig) {
    await sharedStorage(rig);
    await rig.arm.createResourceGroup(SUB, 'rg-new', { location: 'eastus' });
    const input: CreateWorkspaceInput = {
      subscriptionId: SUB,
      resourceGroup: 'rg-new',
      name: 'ws-crash-new',
      location: 'eastus',
      kind: 'Default',
      policy: reliabilityPolicy(),
      request: { trigger: 'http' },
      tenantId: '00000000-0000-0000-0000-0000000000aa',
    };
    const id = workspaceId(SUB, 'rg-new', 'ws-crash-new');
    return {
      start: (host) => host.startNew(ORCHESTRATORS.createWorkspace, { instanceId: instanceIdForWorkspace(id, 'create'), input }),
      async verify(r, status) {
        assert.equal((completed(status) as CreateWorkspaceOutput).result, 'created');
        await activeApproved(r, id);
        assert.equal(count(r, 'PUT', /\/workspaces\/ws-crash-new$/i), 1, 'the workspace is created by exactly one accepted PUT');
        return 3;
      },
    };
  },
};

export const CRASH_SCENARIOS: readonly CrashScenario[] = [onboardWorkspace, migrateComputes, provisionNetwork, assignApproverRoles, resumeMigration, driftScan, createWorkspace];
