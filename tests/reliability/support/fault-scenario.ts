/**
 * The fault-injection scenario shared by the quick suite (npm test) and the soak: a fleet built cleanly, then
 * dry runs and real onboardings (some migrating computes) under the fault mix, then every invariant.
 */
import assert from 'node:assert/strict';
import type { OnboardWorkspaceOutput } from '../../../src/durable/contracts';
import { startTestRig } from '../../support/test-rig';
import { runApprovingEverything, startOnboardings } from './drive';
import { installFaultMix, type FaultKind } from './fault-mix';
import { buildFleet, reliabilityPolicy } from './fleet';
import { deletedTwice, duplicateRoleAssignments, restoredDifferences, roleAssignmentsCreatedTwice, writesDuring } from './invariants';

export interface FaultScenarioOptions {
  onboard: number;
  migrate: number;
  dryRuns: number;
  faultRate: number;
  seed: number;
}

export interface FaultScenarioReport {
  armRequests: number;
  faults: Record<FaultKind, number>;
  invariantsChecked: number;
}

export async function runFaultScenario(o: FaultScenarioOptions): Promise<FaultScenarioReport> {
  const rig = await startTestRig({ scenario: 'empty', emulator: { seed: o.seed, retryAfterSeconds: 10 } });
  try {
    const policy = reliabilityPolicy();
    const fleet = await buildFleet(rig.arm, { onboard: o.onboard, migrate: o.migrate });
    const all = [...fleet.onboard.map((w) => w.id), ...fleet.migrate.map((m) => m.workspace.id)];
    rig.emu.clearRequests();
    const mix = installFaultMix(rig.emu.faults, o.faultRate, o.seed);
    let checked = 0;

    // Dry runs first, on their own: not one write, failed attempts included.
    const dry = await startOnboardings(rig.host, all.slice(0, o.dryRuns), policy, true);
    for (const status of await runApprovingEverything(rig.host, dry)) {
      assert.equal((status.output as OnboardWorkspaceOutput).result, 'dry-run', status.instanceId);
    }
    assert.deepEqual(writesDuring(rig.requests()), [], 'dry runs wrote');
    checked += 1;

    const ids = await startOnboardings(rig.host, all, policy);
    const statuses = await runApprovingEverything(rig.host, ids);
    assert.equal(statuses.length, all.length);
    for (const s of statuses) {
      assert.equal(s.runtimeStatus, 'Completed', `${s.instanceId}: ${JSON.stringify(s.failure)}`);
      const out = s.output as OnboardWorkspaceOutput;
      assert.equal(out.result, 'applied', `${out.workspaceId}: ${JSON.stringify(out.errors)}`);
    }
    checked += 1;
    const faults = mix.fired();
    mix.remove();

    // Every workspace is where the policy wants it.
    for (const id of all) {
      const ws = await rig.arm.getWorkspace(id);
      assert.equal(ws.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound', id);
      assert.equal(ws.properties.managedNetwork?.status?.status, 'Active', id);
    }
    checked += 1;
    for (const target of fleet.migrate) assert.deepEqual(await restoredDifferences(rig.arm, target), []);
    checked += 1;
    const requests = rig.requests();
    assert.deepEqual(deletedTwice(requests), []);
    checked += 1;
    const assignments = rig.emu.state.roleAssignments();
    assert.deepEqual(duplicateRoleAssignments(assignments), []);
    assert.deepEqual(roleAssignmentsCreatedTwice(requests), []);
    checked += 2;
    // Each workspace's identity was granted the approver role on the shared target: once.
    const onTarget = assignments.filter((a) => (a.properties.scope ?? '').toLowerCase().includes('stshareddata'));
    assert.equal(onTarget.length, all.length, 'one approver assignment per workspace on the shared target');
    checked += 1;
    assert.ok(Object.values(faults).every((n) => n > 0), `every fault kind fired: ${JSON.stringify(faults)}`);
    return { armRequests: requests.length, faults, invariantsChecked: checked };
  } finally {
    await rig.close();
  }
}
