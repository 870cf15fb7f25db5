import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORCHESTRATORS, type OnboardWorkspaceOutput } from '../../../src/durable/contracts';
import { instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import { SimulatedCrashError, type InstanceStatus } from '../../../src/durable/local-host';
import { EMPTY_SUBSCRIPTION_ID } from '../../../src/emulator/scenarios';
import { byName, computeDefinition, endpointDefinition } from '../../support/compare';
import { approve } from '../../support/durable';
import { buildMigrationFixture, FAST_COMPUTE_DURATIONS } from '../../support/migration-fixture';
import { approvedOutboundPolicy } from '../../support/policies';
import { startTestRig } from '../../support/test-rig';

test('a migration interrupted after EVERY persisted step, each time resumed by a new host from the file history: nothing lost, nothing done twice', async () => {
  const rig = await startTestRig({ scenario: 'empty', persistHistory: true, durations: FAST_COMPUTE_DURATIONS, emulator: { retryAfterSeconds: 30 } });
  try {
    const f = await buildMigrationFixture(rig.arm);
    rig.emu.clearRequests();
    const policy = approvedOutboundPolicy([EMPTY_SUBSCRIPTION_ID], { compute_migration: { mode: 'require_approval', max_parallel_deletes: 2 } });
    const id = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, {
      instanceId: instanceIdForWorkspace(f.workspace.id),
      input: { workspaceId: f.workspace.id, policy, dryRun: false, request: { trigger: 'http' } },
    });
    // Raised up front: the orchestration picks it up when it gets to the approval.
    await approve(rig.host, id);

    let crashes = 0;
    let status: InstanceStatus | undefined;
    while (status === undefined) {
      const host = rig.newHost();
      host.stopAfterSteps(1);
      try {
        status = await host.runUntilComplete(id);
      } catch (err) {
        if (!(err instanceof SimulatedCrashError)) throw err;
        crashes += 1;
        assert.ok(crashes < 5000, 'runaway');
      }
    }
    assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
    const out = status.output as OnboardWorkspaceOutput;
    assert.equal(out.result, 'applied', JSON.stringify(out.outcomes, null, 1));
    assert.ok(crashes > 100, `crashed ${crashes} times`);

    // Nothing lost.
    const after = await rig.arm.listComputes(f.workspace.id);
    const before = byName(f.before.computes);
    assert.deepEqual(after.map((c) => c.name).sort(), [...before.keys()].sort());
    for (const c of after) assert.deepEqual(computeDefinition(c), computeDefinition(before.get(c.name) ?? c), c.name);
    const endpoints = byName(await rig.arm.listOnlineEndpoints(f.workspace.id));
    for (const { endpoint, deployments } of f.before.endpoints) {
      const now = endpoints.get(endpoint.name);
      assert.ok(now, endpoint.name);
      assert.deepEqual(endpointDefinition(now), endpointDefinition(endpoint));
      assert.equal((await rig.arm.listOnlineDeployments(`${f.workspace.id}/onlineEndpoints/${endpoint.name}`)).length, deployments.length);
    }

    // Nothing done twice: one DELETE and one create per compute and endpoint, one PUT per deployment, one mode change.
    const writes = rig.writes().map((r) => `${r.method} ${r.path.replace(/^.*\/workspaces\/ws-mig/i, '')}`);
    const count = (line: string): number => writes.filter((w) => w === line).length;
    for (const name of before.keys()) {
      assert.equal(count(`DELETE /computes/${name}`), 1, `DELETE ${name}`);
      assert.equal(count(`PUT /computes/${name}`), 1, `PUT ${name}`);
    }
    for (const { endpoint, deployments } of f.before.endpoints) {
      assert.equal(count(`DELETE /onlineEndpoints/${endpoint.name}`), 1);
      assert.equal(count(`PUT /onlineEndpoints/${endpoint.name}`), 2, 'create, then traffic');
      for (const d of deployments) assert.equal(count(`PUT /onlineEndpoints/${endpoint.name}/deployments/${d.name}`), 1);
    }
    assert.equal(count('PATCH '), 1, 'one isolation-mode change');
    assert.equal(count('POST /provisionManagedNetwork'), 1, 'one provisioning');
  } finally {
    await rig.close();
  }
});
