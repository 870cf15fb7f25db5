import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPROVER_ROLE } from '../../../src/catalog/approver-role';
import { ORCHESTRATORS, type AssignApproverRolesOutput, type OnboardWorkspaceOutput } from '../../../src/durable/contracts';
import { instanceIdForWorkspace } from '../../../src/durable/instance-ids';
import { DEMO_SHARED, DEMO_SUBSCRIPTION_1, DEMO_WORKSPACES } from '../../../src/emulator/scenarios';
import type { Policy } from '../../../src/policy/types';
import { testPolicy } from '../../support/policies';
import { startTestRig, type TestRig } from '../../support/test-rig';
import { createWorkspaceFixture } from '../../support/workspaces';

const WS = DEMO_WORKSPACES.approvedMissingRole;

async function withRig(fn: (rig: TestRig) => Promise<void>): Promise<void> {
  const rig = await startTestRig({ scenario: 'demo' });
  try {
    await fn(rig);
  } finally {
    await rig.close();
  }
}

function pe(name: string, target: string, subresource: string): Record<string, unknown> {
  return { name, type: 'private_endpoint', destination: { service_resource_id: target, subresource_target: subresource, spark_enabled: false } };
}

/** The policy ws-missing-approver should satisfy: its two private endpoint rules, as they are. */
function missingApproverPolicy(): Policy {
  return testPolicy({
    scope: { subscriptions: [DEMO_SUBSCRIPTION_1] },
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('pe-aiservices', DEMO_SHARED.aiServices, 'account'), pe('pe-datafactory', DEMO_SHARED.dataFactory, 'dataFactory')] },
  });
}

function roleWrites(rig: TestRig): { assignments: string[]; definitions: string[] } {
  const puts = rig.requests().filter((r) => r.method === 'PUT');
  return {
    assignments: puts.filter((r) => /\/roleAssignments\//i.test(r.path)).map((r) => r.path),
    definitions: puts.filter((r) => /\/roleDefinitions\//i.test(r.path)).map((r) => r.path),
  };
}

async function ruleStatuses(rig: TestRig, workspaceId: string): Promise<Record<string, string | undefined>> {
  const user = (await rig.arm.listOutboundRules(workspaceId)).filter((r) => r.properties.category === 'UserDefined');
  return Object.fromEntries(user.map((r) => [r.name, r.properties.status]));
}

test('every principal of the workspace identity gets the built-in role, or a scoped custom role for uncovered types; rules become Active', () =>
  withRig(async (rig) => {
    assert.deepEqual(await ruleStatuses(rig, WS), { 'pe-aiservices': 'Inactive', 'pe-datafactory': 'Inactive' });
    const ws = await rig.arm.getWorkspace(WS);
    const principals = [ws.identity?.principalId, ...Object.values(ws.identity?.userAssignedIdentities ?? {}).map((u) => u.principalId)].filter((p): p is string => typeof p === 'string');
    assert.equal(principals.length, 2, 'system-assigned and user-assigned');

    const id = await rig.host.startNew(ORCHESTRATORS.assignApproverRoles, {
      instanceId: instanceIdForWorkspace(WS, 'roles'),
      input: { workspaceId: WS, policy: missingApproverPolicy(), confirmActive: true },
    });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
    const out = status.output as AssignApproverRolesOutput;
    assert.equal(out.confirmed, true, JSON.stringify(out.rules));
    assert.equal(out.assigned.length, 4);
    assert.ok(out.assigned.every((a) => a.created));
    for (const p of principals) {
      const builtin = await rig.arm.listRoleAssignments(DEMO_SHARED.aiServices, { principalId: p });
      assert.ok(builtin.some((a) => a.properties.roleDefinitionId.toLowerCase().endsWith(APPROVER_ROLE.roleDefinitionGuid)), `built-in role for ${p}`);
      const custom = await rig.arm.listRoleAssignments(DEMO_SHARED.dataFactory, { principalId: p });
      assert.equal(custom.length, 1);
      assert.equal(custom[0]?.properties.principalType, 'ServicePrincipal');
    }
    assert.equal(out.customRoles.length, 1);
    const definition = await rig.arm.getRoleDefinition(DEMO_SHARED.dataFactory, out.customRoles[0]?.roleDefinitionId ?? '');
    assert.deepEqual(definition.properties.assignableScopes, [DEMO_SHARED.dataFactory]);
    assert.ok(definition.properties.permissions[0]?.actions.includes('Microsoft.DataFactory/factories/privateEndpointConnectionsApproval/action'));
    assert.deepEqual(await ruleStatuses(rig, WS), { 'pe-aiservices': 'Active', 'pe-datafactory': 'Active' });
    const writes = roleWrites(rig);
    assert.equal(writes.assignments.length, 4);
    assert.equal(writes.definitions.length, 1);

    // Again: everything is found in place, nothing is written twice.
    const again = await rig.host.startNew(ORCHESTRATORS.assignApproverRoles, { instanceId: instanceIdForWorkspace(WS, 'roles'), input: { workspaceId: WS, policy: missingApproverPolicy(), confirmActive: true } });
    const second = (await rig.host.runUntilComplete(again)).output as AssignApproverRolesOutput;
    assert.equal(second.assigned.length, 4);
    assert.ok(second.assigned.every((a) => !a.created));
    assert.deepEqual(roleWrites(rig), writes, 'approver roles assigned exactly once');
  }));

test('onboarding a workspace whose private endpoints lack approval assigns the roles once and confirms the rules Active', () =>
  withRig(async (rig) => {
    const id = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, {
      instanceId: instanceIdForWorkspace(WS),
      input: { workspaceId: WS, policy: missingApproverPolicy(), dryRun: false, request: { trigger: 'eventgrid' } },
    });
    const out = (await rig.host.runUntilComplete(id)).output as OnboardWorkspaceOutput;
    assert.equal(out.result, 'applied', JSON.stringify(out.outcomes));
    const step = out.outcomes.find((o) => o.kind === 'assign-approver-roles');
    assert.equal(step?.status, 'succeeded');
    assert.match(step?.detail ?? '', /pe-aiservices: Active/);
    assert.equal(roleWrites(rig).assignments.length, 4);
    // A second onboarding finds the built-in grants in place and writes no assignment again.
    const again = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, {
      instanceId: instanceIdForWorkspace(WS),
      input: { workspaceId: WS, policy: missingApproverPolicy(), dryRun: false, request: { trigger: 'eventgrid' } },
    });
    const second = (await rig.host.runUntilComplete(again)).output as OnboardWorkspaceOutput;
    assert.notEqual(second.result, 'failed');
    assert.equal(roleWrites(rig).assignments.length, 4);
    assert.equal(roleWrites(rig).definitions.length, 1);
  }));

test('roles granted before provisioning are confirmed after it (rule added, roles, provisioning, confirmation)', () =>
  withRig(async (rig) => {
    const ws = await createWorkspaceFixture(rig.arm, {
      subscriptionId: DEMO_SUBSCRIPTION_1,
      resourceGroup: 'rg-new',
      name: 'ws-new',
      mode: 'AllowOnlyApprovedOutbound',
      userAssigned: [DEMO_SHARED.userAssignedIdentity],
    });
    const policy = testPolicy({
      scope: { subscriptions: [DEMO_SUBSCRIPTION_1] },
      managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('pe-search', DEMO_SHARED.search, 'searchService')] },
    });
    const id = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, { instanceId: instanceIdForWorkspace(ws.id), input: { workspaceId: ws.id, policy, dryRun: false, request: { trigger: 'http' } } });
    const out = (await rig.host.runUntilComplete(id)).output as OnboardWorkspaceOutput;
    assert.equal(out.result, 'applied', JSON.stringify(out.outcomes));
    assert.deepEqual(
      out.outcomes.map((o) => o.stepId),
      ['add-rule:pe-search', 'assign-approver-roles', 'provision-network', 'confirm-private-endpoints'],
    );
    assert.equal(out.outcomes.find((o) => o.stepId === 'confirm-private-endpoints')?.status, 'succeeded');
    assert.equal((await ruleStatuses(rig, ws.id))['pe-search'], 'Active');
    assert.equal(roleWrites(rig).assignments.length, 2, 'system- and user-assigned principals');
  }));

test('an unprovisioned network (and no provisioning planned): roles assigned, no pointless wait for rules that cannot be Active yet', () =>
  withRig(async (rig) => {
    const ws = DEMO_WORKSPACES.researchInternetUnprovisioned;
    const policy = testPolicy({
      scope: { subscriptions: [DEMO_SUBSCRIPTION_1, '00000000-0000-0000-0000-000000000002'] },
      managed_network: { isolation_mode: 'allow_internet_outbound', outbound_rules: [pe('pe-search', DEMO_SHARED.search, 'searchService')] },
      provisioning: { provision_now: false },
    });
    const before = rig.clock.now();
    const id = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, { instanceId: instanceIdForWorkspace(ws), input: { workspaceId: ws, policy, dryRun: false, request: { trigger: 'http' } } });
    const out = (await rig.host.runUntilComplete(id)).output as OnboardWorkspaceOutput;
    assert.equal(out.result, 'applied', JSON.stringify(out.outcomes));
    assert.deepEqual(out.outcomes.map((o) => o.stepId), ['add-rule:pe-search', 'assign-approver-roles']);
    assert.match(out.outcomes[1]?.detail ?? '', /not provisioned yet/);
    assert.ok(rig.clock.now() - before < 10 * 60_000, 'no 30-minute wait');
    assert.equal(roleWrites(rig).assignments.length, 1);
  }));
