/**
 * Event storm: 1,000 ResourceWriteSuccess events for 333 workspaces (each delivered 3 times, one 4 times, as Event
 * Grid redelivers), shuffled with a seeded PRNG, through the REAL Event Grid handler, service, gateway and local
 * host, with the host making progress between bursts. Every workspace needs an isolation-mode change, so its
 * onboarding is in flight (waiting for approval) for the whole storm: exactly one onboarding per workspace.
 * (A delivery that arrives AFTER an onboarding finished starts a new one by design; it re-reads and finds the
 * workspace compliant. See docs/reliability.md.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORCHESTRATORS, type OnboardWorkspaceInput } from '../../src/durable/contracts';
import { instanceIdForWorkspace } from '../../src/durable/instance-ids';
import { seededRandom } from '../../src/emulator/prng';
import { SCALE_SUBSCRIPTIONS, scaleSubscriptionId } from '../../src/emulator/scenarios';
import { eventGridWorkspaceChanged } from '../../src/functions/event-grid-workspace-changed';
import { invocation } from '../functions/support/fakes';
import { startTestRig } from '../support/test-rig';
import { resourceWriteEvent, shuffled } from './support/events';
import { installHostServices } from './support/services';

const WORKSPACES = 333;
/** Enough scale workspaces that 333 of them are not yet in approved-outbound mode. */
const SCENARIO = 'scale:600';
const SUBS = Array.from({ length: SCALE_SUBSCRIPTIONS }, (_, i) => scaleSubscriptionId(i));
/** Approved outbound: the mode change waits for a person, so no onboarding finishes during the storm. */
const POLICY = {
  name: 'storm',
  scope: { subscriptions: SUBS },
  managed_network: {
    isolation_mode: 'allow_only_approved_outbound',
    outbound_rules: [
      { name: 'pkg-pypi-org', type: 'fqdn', destination: 'pypi.org' },
      { name: 'conda', type: 'fqdn', destination: 'conda.anaconda.org' },
    ],
  },
};

test('1,000 shuffled, duplicated Event Grid events for 333 workspaces start exactly one onboarding each', async () => {
  const rig = await startTestRig({ scenario: SCENARIO });
  try {
    installHostServices(() => rig.host, SUBS, POLICY);
    const ids = [...rig.emu.state.db.workspaces.values()]
      .filter((w) => w.managedNetwork.isolationMode !== 'AllowOnlyApprovedOutbound')
      .slice(0, WORKSPACES)
      .map((w) => w.id);
    assert.equal(ids.length, WORKSPACES);
    const deliveries = ids.flatMap((id, i) => Array.from({ length: i === 0 ? 4 : 3 }, () => resourceWriteEvent(id, `evt-${i}`)));
    assert.equal(deliveries.length, 1000);

    const outcomes = new Map<string, number>();
    const startsPerWorkspace = new Map<string, number>();
    const storm = shuffled(deliveries, seededRandom(333));
    for (const [n, event] of storm.entries()) {
      const outcome = await eventGridWorkspaceChanged(event, invocation('eventGridWorkspaceChanged').context);
      outcomes.set(outcome.action, (outcomes.get(outcome.action) ?? 0) + 1);
      if (outcome.action === 'started') startsPerWorkspace.set(outcome.workspaceId.toLowerCase(), (startsPerWorkspace.get(outcome.workspaceId.toLowerCase()) ?? 0) + 1);
      // The host works between bursts (reads, plans, waits for approval); no timer fires.
      if (n % 100 === 99) await rig.host.runUntilIdle({ advanceClock: false, maxSteps: 100_000 });
    }
    await rig.host.runUntilIdle({ advanceClock: false, maxSteps: 100_000 });

    assert.deepEqual(Object.fromEntries(outcomes), { started: WORKSPACES, 'already-running': 1000 - WORKSPACES });
    assert.equal(startsPerWorkspace.size, WORKSPACES);
    assert.ok([...startsPerWorkspace.values()].every((n) => n === 1));
    const onboardings = (await rig.host.listInstances()).filter((s) => s.name === ORCHESTRATORS.onboardWorkspace);
    assert.equal(onboardings.length, WORKSPACES, 'one instance per workspace in the host');
    const byWorkspace = new Set(onboardings.map((s) => (s.input as OnboardWorkspaceInput).workspaceId.toLowerCase()));
    assert.equal(byWorkspace.size, WORKSPACES);
    for (const s of onboardings) {
      assert.equal(s.instanceId, instanceIdForWorkspace((s.input as OnboardWorkspaceInput).workspaceId));
      assert.equal(s.runtimeStatus, 'Running', `${s.instanceId} is still in progress, so duplicates found it`);
      assert.equal((s.customStatus as { phase?: string } | null)?.phase, 'waiting-for-approval', s.instanceId);
      assert.equal(s.metrics.executions, 1);
    }
  } finally {
    await rig.close();
  }
});
