import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ORCHESTRATORS, type OnboardWorkspaceInput, type OnboardWorkspaceOutput } from '../../../src/durable/contracts';
import { instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import { InstanceAlreadyRunningError } from '../../../src/durable/local-host';
import { DEMO_SUBSCRIPTION_1, DEMO_SUBSCRIPTION_2, DEMO_WORKSPACES } from '../../../src/emulator/scenarios';
import type { Plan } from '../../../src/planner/types';
import type { Policy } from '../../../src/policy/types';
import { approve, customStatusOf, reject, runUntilWaitingForApproval } from '../../support/durable';
import { approvedOutboundPolicy, testPolicy } from '../../support/policies';
import { startTestRig, type TestRig } from '../../support/test-rig';

const SUBS = [DEMO_SUBSCRIPTION_1, DEMO_SUBSCRIPTION_2];
const NET = DEMO_WORKSPACES.researchInternetUnprovisioned;
const HOUR = 3_600_000;

/**
 * The demo leaves Microsoft.Network NotRegistered in subscription 2 (where NET lives); the approval-flow tests
 * register it first, the prerequisite tests keep the scenario as it is.
 */
async function withRig(fn: (rig: TestRig) => Promise<void>, options: { scenarioAsIs?: boolean } = {}): Promise<void> {
  const rig = await startTestRig({ scenario: 'demo' });
  if (options.scenarioAsIs !== true) rig.emu.state.setProviderState(DEMO_SUBSCRIPTION_2, 'Microsoft.Network', 'Registered');
  try {
    await fn(rig);
  } finally {
    await rig.close();
  }
}

function input(workspaceId: string, policy: Policy, extra: Partial<OnboardWorkspaceInput> = {}): OnboardWorkspaceInput {
  return { workspaceId, policy, dryRun: false, request: { trigger: 'http', ticketId: 'T-1' }, ...extra };
}

async function start(rig: TestRig, i: OnboardWorkspaceInput): Promise<string> {
  return rig.host.startNew(ORCHESTRATORS.onboardWorkspace, { instanceId: instanceIdForWorkspace(i.workspaceId), input: i });
}

async function finish(rig: TestRig, id: string): Promise<OnboardWorkspaceOutput> {
  const status = await rig.host.runUntilComplete(id);
  assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
  return status.output as OnboardWorkspaceOutput;
}

test('dry run: plans (computes included) and records every step as planned, with NO write request', () =>
  withRig(async (rig) => {
    const id = await start(rig, input(DEMO_WORKSPACES.legacyDisabled, approvedOutboundPolicy(SUBS), { dryRun: true }));
    const out = await finish(rig, id);
    assert.equal(out.result, 'dry-run');
    const kinds = out.outcomes.map((o) => o.kind);
    assert.ok(kinds.includes('migrate-computes') && kinds.includes('set-isolation-mode') && kinds.includes('provision-network'), kinds.join());
    assert.ok(out.outcomes.every((o) => o.status === 'planned'));
    assert.deepEqual(rig.writes(), [], 'a dry run writes nothing');
    assert.ok(rig.requests().length > 0, 'it did read');
  }));

test('an approval that is rejected: result rejected, nothing applied', () =>
  withRig(async (rig) => {
    const id = await start(rig, input(NET, approvedOutboundPolicy(SUBS)));
    const waiting = await runUntilWaitingForApproval(rig.host, id);
    assert.deepEqual(waiting.waitingForApproval?.stepIds, ['set-isolation-mode']);
    assert.equal(waiting.ticketId, 'T-1');
    await reject(rig.host, id, 'change freeze');
    const out = await finish(rig, id);
    assert.equal(out.result, 'rejected');
    assert.equal(out.outcomes.find((o) => o.stepId === 'set-isolation-mode')?.status, 'rejected');
    assert.match(out.outcomes.find((o) => o.stepId === 'set-isolation-mode')?.detail ?? '', /change freeze/);
    assert.ok(out.outcomes.filter((o) => o.stepId !== 'set-isolation-mode').every((o) => o.status === 'skipped'));
    assert.deepEqual(rig.writes(), []);
    assert.equal((await rig.arm.getWorkspace(NET)).properties.managedNetwork?.isolationMode, 'AllowInternetOutbound');
  }));

test('an approval that never comes: the timer wins, result approval-timeout, nothing applied', () =>
  withRig(async (rig) => {
    const before = rig.clock.now();
    const id = await start(rig, input(NET, approvedOutboundPolicy(SUBS), { approvalTimeoutHours: 2 }));
    const waiting = await runUntilWaitingForApproval(rig.host, id);
    const deadline = Date.parse(waiting.waitingForApproval?.deadline ?? '');
    assert.ok(deadline >= before + 2 * HOUR && deadline < before + 2 * HOUR + 60_000, waiting.waitingForApproval?.deadline);
    const out = await finish(rig, id);
    assert.equal(out.result, 'approval-timeout');
    assert.equal(out.outcomes.find((o) => o.stepId === 'set-isolation-mode')?.status, 'timed-out');
    assert.equal(rig.clock.now(), deadline);
    assert.deepEqual(rig.writes(), []);
  }));

test('approved: a malformed event does not count; the steps are applied in order and the network provisioned', () =>
  withRig(async (rig) => {
    const id = await start(rig, input(NET, approvedOutboundPolicy(SUBS)));
    await runUntilWaitingForApproval(rig.host, id);
    await rig.host.raiseEvent(id, 'approval', { approved: 'yes' });
    await rig.host.runUntilIdle({ advanceClock: false });
    assert.equal(customStatusOf(await rig.host.getStatus(id))?.phase, 'waiting-for-approval', 'still waiting');
    await approve(rig.host, id);
    const out = await finish(rig, id);
    assert.equal(out.result, 'applied', JSON.stringify(out.outcomes));
    const ids = out.outcomes.map((o) => o.stepId);
    assert.deepEqual(ids, ['set-isolation-mode', 'add-rule:pypi', 'add-rule:pythonhosted', 'provision-network']);
    assert.ok(out.outcomes.every((o) => o.status === 'succeeded'));
    const ws = await rig.arm.getWorkspace(NET);
    assert.equal(ws.properties.managedNetwork?.isolationMode, 'AllowOnlyApprovedOutbound');
    assert.equal(ws.properties.managedNetwork?.status?.status, 'Active');
    const rules = (await rig.arm.listOutboundRules(NET)).map((r) => r.name);
    assert.ok(rules.includes('pypi') && rules.includes('pythonhosted'));
    const custom = customStatusOf(await rig.host.getStatus(id));
    assert.equal(custom?.phase, 'completed');
    assert.equal(custom?.outcomes.length, 4);
  }));

test('a refused plan (approved outbound cannot go back to internet outbound): refused, nothing written', () =>
  withRig(async (rig) => {
    const policy = testPolicy({ scope: { subscriptions: SUBS }, managed_network: { isolation_mode: 'allow_internet_outbound', outbound_rules: [] } });
    const out = await finish(rig, await start(rig, input(DEMO_WORKSPACES.approvedCompliant, policy)));
    assert.equal(out.result, 'refused');
    assert.equal(out.errors[0]?.code, 'mode-transition');
    assert.deepEqual(rig.writes(), []);
  }));

test('a failure mid-way: the output lists what was done, what failed and what was not applied', () =>
  withRig(async (rig) => {
    rig.emu.faults.add({ method: 'PUT', path: '/outboundRules/pythonhosted', fault: { kind: 'status', status: 400, code: 'InvalidRuleDestination', message: 'rejected by test' } });
    const id = await start(rig, input(NET, approvedOutboundPolicy(SUBS)));
    await runUntilWaitingForApproval(rig.host, id);
    await approve(rig.host, id);
    const out = await finish(rig, id);
    assert.equal(out.result, 'failed');
    const byId = Object.fromEntries(out.outcomes.map((o) => [o.stepId, o]));
    assert.equal(byId['set-isolation-mode']?.status, 'succeeded');
    assert.equal(byId['add-rule:pypi']?.status, 'succeeded');
    assert.equal(byId['add-rule:pythonhosted']?.status, 'failed');
    assert.equal(byId['add-rule:pythonhosted']?.error?.code, 'InvalidRuleDestination');
    assert.equal(byId['provision-network']?.status, 'skipped');
    assert.match(byId['provision-network']?.detail ?? '', /not applied/);
    assert.equal(out.errors[0]?.code, 'InvalidRuleDestination');
    assert.equal(rig.requests().filter((r) => r.method === 'POST' && /provisionManagedNetwork/i.test(r.path)).length, 0);
  }));

test('onboarding triggered twice for the same workspace yields one instance', () =>
  withRig(async (rig) => {
    const policy = approvedOutboundPolicy(SUBS);
    const first = await rig.host.startOrGet(ORCHESTRATORS.onboardWorkspace, { instanceId: instanceIdForWorkspace(NET), input: input(NET, policy) });
    // The same workspace spelled differently (ARM ids are case-insensitive) maps to the same instance.
    const second = await rig.host.startOrGet(ORCHESTRATORS.onboardWorkspace, { instanceId: instanceIdForWorkspace(NET.toUpperCase()), input: input(NET, policy) });
    assert.equal(first.started, true);
    assert.equal(second.started, false);
    assert.equal(second.instanceId, first.instanceId);
    await assert.rejects(rig.host.startNew(ORCHESTRATORS.onboardWorkspace, { instanceId: first.instanceId, input: input(NET, policy) }), InstanceAlreadyRunningError);
    await runUntilWaitingForApproval(rig.host, first.instanceId);
    await approve(rig.host, first.instanceId);
    await finish(rig, first.instanceId);
    const onboardings = (await rig.host.listInstances()).filter((s) => s.name === ORCHESTRATORS.onboardWorkspace);
    assert.equal(onboardings.length, 1);
    assert.equal(rig.requests().filter((r) => r.method === 'PATCH').length, 1, 'one isolation-mode change');
  }));

test('a workspace that does not exist: failed, with WorkspaceNotFound', () =>
  withRig(async (rig) => {
    const missing = NET.replace('ws-research-net', 'ws-nope');
    const out = await finish(rig, await start(rig, input(missing, approvedOutboundPolicy(SUBS))));
    assert.equal(out.result, 'failed');
    assert.equal(out.errors[0]?.code, 'WorkspaceNotFound');
  }));

test('a compliant workspace: compliant, no write', () =>
  withRig(async (rig) => {
    const policy = testPolicy({
      scope: { subscriptions: SUBS },
      managed_network: {
        isolation_mode: 'allow_only_approved_outbound',
        outbound_rules: [
          { name: 'pkg-pypi-org', type: 'fqdn', destination: 'pypi.org' },
          { name: 'pkg-any-pythonhosted-org', type: 'fqdn', destination: '*.pythonhosted.org' },
          { name: 'st-datafactory', type: 'service_tag', destination: { service_tag: 'DataFactory', protocol: 'TCP', port_ranges: '443' } },
          { name: 'pe-search', type: 'private_endpoint', destination: { service_resource_id: '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-shared/providers/Microsoft.Search/searchServices/srch-contoso', subresource_target: 'searchService', spark_enabled: false } },
        ],
      },
    });
    const out = await finish(rig, await start(rig, input(DEMO_WORKSPACES.approvedCompliant, policy)));
    assert.equal(out.result, 'compliant', JSON.stringify(out.plan));
    assert.deepEqual(rig.writes(), []);
  }));

test('a project whose hub drifted: nothing is changed on the project; the output points at the hub', () =>
  withRig(async (rig) => {
    const out = await finish(rig, await start(rig, input(DEMO_WORKSPACES.project, approvedOutboundPolicy(SUBS))));
    assert.equal(out.result, 'refused', JSON.stringify(out));
    assert.equal(out.outcomes[0]?.kind, 'govern-through-hub');
    assert.equal(out.outcomes[0]?.status, 'skipped');
    assert.match(out.errors[0]?.message ?? '', /hub-contoso/);
    assert.deepEqual(rig.writes(), []);
  }));

test('prerequisites: a scope lock on the resource group refuses the onboarding up front, naming the lock; NO write request', () =>
  withRig(async (rig) => {
    const ws = DEMO_WORKSPACES.locked;
    const id = await start(rig, input(ws, approvedOutboundPolicy(SUBS)));
    const out = await finish(rig, id);
    assert.equal(out.result, 'refused', JSON.stringify(out.errors));
    assert.equal((out.plan as Plan | undefined)?.refused?.rule, 'scope-lock');
    assert.match((out.plan as Plan | undefined)?.refused?.reason ?? '', /CanNotDelete lock "do-not-delete" on \/subscriptions\/[^ ]+\/resourceGroups\/rg-ml-locked/);
    assert.match((out.plan as Plan | undefined)?.refused?.reason ?? '', /Remove the lock .*exclude the workspace.* retry/);
    assert.deepEqual(out.errors.map((e) => e.code), ['scope-lock']);
    assert.deepEqual(out.outcomes, []);
    assert.deepEqual(rig.writes(), [], 'nothing written anywhere');
    assert.ok(rig.requests().some((r) => /\/resourceGroups\/rg-ml-locked\/providers\/Microsoft\.Authorization\/locks$/i.test(r.path)), 'it read the locks');
  }, { scenarioAsIs: true }));

test('prerequisites: Microsoft.Network NotRegistered in subscription 2 refuses enabling the managed network; NO write request', () =>
  withRig(async (rig) => {
    const ws = DEMO_WORKSPACES.researchDisabled;
    const id = await start(rig, input(ws, approvedOutboundPolicy(SUBS)));
    const out = await finish(rig, id);
    assert.equal(out.result, 'refused', JSON.stringify(out.errors));
    assert.equal((out.plan as Plan | undefined)?.refused?.rule, 'network-provider-not-registered');
    assert.match((out.plan as Plan | undefined)?.refused?.reason ?? '', new RegExp(`subscription ${DEMO_SUBSCRIPTION_2}`));
    assert.match((out.plan as Plan | undefined)?.refused?.reason ?? '', /az provider register --namespace Microsoft\.Network/);
    assert.deepEqual(rig.writes(), [], 'nothing written anywhere');
  }, { scenarioAsIs: true }));

test('prerequisites: the same workspace once Microsoft.Network is registered is planned normally (dry run)', () =>
  withRig(async (rig) => {
    const id = await start(rig, input(DEMO_WORKSPACES.researchDisabled, approvedOutboundPolicy(SUBS), { dryRun: true }));
    const out = await finish(rig, id);
    assert.equal(out.result, 'dry-run', JSON.stringify(out.errors));
    assert.equal((out.plan as Plan | undefined)?.refused, undefined);
  }));
