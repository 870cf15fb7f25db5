import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPROVER_ROLE, customApproverRoleActions, customApproverRoleName } from '../../../src/catalog/approver-role';
import { CustomApproverRoleError, customApproverRoleNotConfigured, resolveCustomApproverRole } from '../../../src/durable/activities/approver-roles';
import { setActivityDependencies } from '../../../src/durable/activities/dependencies';
import { loadAppConfig } from '../../../src/service/app-config';
import { AzureResources } from '../../../src/service/composition';
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

// ---------------------------------------------------------------------------------------------------------------
// In Azure the app may not define roles: it uses the custom approver roles infra pre-created
// (MNET_CUSTOM_APPROVER_ROLES), or refuses.
// ---------------------------------------------------------------------------------------------------------------

const DATA_FACTORY = 'Microsoft.DataFactory/factories';
const NOT_CONFIGURED = `no custom approver role is configured for ${DATA_FACTORY}: deploy infra (it creates the role) or set MNET_CUSTOM_APPROVER_ROLES`;

async function withAzureLikeRig(activities: { customApproverRoles?: Record<string, string> }, fn: (rig: TestRig) => Promise<void>): Promise<void> {
  const rig = await startTestRig({ scenario: 'demo', activities: { ...activities, allowRoleDefinitionWrites: false } });
  try {
    await fn(rig);
  } finally {
    await rig.close();
  }
}

/** What infra does once per deployment: the type's role, defined in the governed subscription, actions from the catalog. */
async function preCreateDataFactoryRole(rig: TestRig): Promise<string> {
  const subscription = `/subscriptions/${DEMO_SUBSCRIPTION_1}`;
  const def = await rig.arm.putRoleDefinition({
    scope: subscription,
    roleName: `${customApproverRoleName(DATA_FACTORY)} (test env)`,
    actions: customApproverRoleActions(DATA_FACTORY),
    assignableScopes: [subscription],
  });
  return def.name ?? '';
}

test('Azure-like run without a configured custom role: the Data Factory target fails the step with a clear message; no role is defined or assigned', () =>
  withAzureLikeRig({}, async (rig) => {
    const id = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, {
      instanceId: instanceIdForWorkspace(WS),
      input: { workspaceId: WS, policy: missingApproverPolicy(), dryRun: false, request: { trigger: 'eventgrid' } },
    });
    const out = (await rig.host.runUntilComplete(id)).output as OnboardWorkspaceOutput;
    const step = out.outcomes.find((o) => o.kind === 'assign-approver-roles');
    assert.equal(step?.status, 'failed', JSON.stringify(out.outcomes));
    assert.equal(step?.error?.code, 'CustomApproverRoleNotConfigured');
    assert.ok(step?.error?.message.includes(NOT_CONFIGURED), step?.error?.message);
    assert.notEqual(out.result, 'applied');
    const writes = roleWrites(rig);
    assert.deepEqual(writes.definitions, [], 'no roleDefinitions PUT reached the emulator');
    assert.deepEqual(writes.assignments, [], 'nothing assigned: custom roles are resolved before any assignment');

    // The sub-orchestration itself: refused at once (a configuration problem is not retried), same message.
    const before = rig.requests().length;
    const direct = await rig.host.startNew(ORCHESTRATORS.assignApproverRoles, {
      instanceId: instanceIdForWorkspace(WS, 'roles'),
      input: { workspaceId: WS, policy: missingApproverPolicy(), confirmActive: true },
    });
    const status = await rig.host.runUntilComplete(direct);
    assert.equal(status.runtimeStatus, 'Failed');
    assert.match(JSON.stringify(status.failure), /CustomApproverRoleNotConfigured/);
    assert.ok(JSON.stringify(status.failure).includes(NOT_CONFIGURED));
    assert.ok(!rig.requests().slice(before).some((r) => /\/roleDefinitions\//i.test(r.path)), 'not even a roleDefinitions GET: nothing is configured');
    assert.deepEqual(roleWrites(rig).definitions, []);
  }));

test('Azure-like run with the pre-created role configured: it is verified with a GET and assigned; no roleDefinitions PUT', async () => {
  const rig = await startTestRig({ scenario: 'demo' });
  try {
    const guid = await preCreateDataFactoryRole(rig);
    assert.match(guid, /^[0-9a-f-]{36}$/);
    // From here on the app runs as in Azure.
    setActivityDependencies({ arm: rig.arm, snapshots: rig.snapshots, reports: rig.reports, customApproverRoles: { [DATA_FACTORY]: guid }, allowRoleDefinitionWrites: false });
    const definitionPuts = roleWrites(rig).definitions.length;
    const before = rig.requests().length;

    const id = await rig.host.startNew(ORCHESTRATORS.assignApproverRoles, {
      instanceId: instanceIdForWorkspace(WS, 'roles'),
      input: { workspaceId: WS, policy: missingApproverPolicy(), confirmActive: true },
    });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Completed', JSON.stringify(status.failure));
    const out = status.output as AssignApproverRolesOutput;
    assert.equal(out.confirmed, true, JSON.stringify(out.rules));
    assert.equal(out.assigned.length, 4);
    assert.deepEqual(out.customRoles.map((c) => c.roleDefinitionId), [`/subscriptions/${DEMO_SUBSCRIPTION_1}/providers/Microsoft.Authorization/roleDefinitions/${guid}`]);
    const onFactory = out.assigned.filter((a) => a.scope === DEMO_SHARED.dataFactory);
    assert.equal(onFactory.length, 2);
    assert.ok(onFactory.every((a) => a.roleDefinitionId.toLowerCase().endsWith(guid)));
    assert.equal(roleWrites(rig).definitions.length, definitionPuts, 'no roleDefinitions PUT during the run');
    const during = rig.requests().slice(before);
    assert.ok(during.some((r) => r.method === 'GET' && r.path.toLowerCase().endsWith(`/roledefinitions/${guid}`)), 'the configured role was verified');
    assert.deepEqual(await ruleStatuses(rig, WS), { 'pe-aiservices': 'Active', 'pe-datafactory': 'Active' });

    // Onboarding afterwards: the planner counts the configured role's assignments as present; nothing is written.
    const assignmentsBefore = roleWrites(rig).assignments.length;
    const again = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, {
      instanceId: instanceIdForWorkspace(WS),
      input: { workspaceId: WS, policy: missingApproverPolicy(), dryRun: false, request: { trigger: 'eventgrid' } },
    });
    const onboard = (await rig.host.runUntilComplete(again)).output as OnboardWorkspaceOutput;
    assert.notEqual(onboard.result, 'failed', JSON.stringify(onboard.outcomes));
    assert.equal(onboard.outcomes.find((o) => o.kind === 'assign-approver-roles'), undefined, JSON.stringify(onboard.outcomes));
    assert.equal(roleWrites(rig).assignments.length, assignmentsBefore);
    assert.equal(roleWrites(rig).definitions.length, definitionPuts);
  } finally {
    await rig.close();
  }
});

test('Azure-like run with a configured role that does not exist: refused (CustomApproverRoleMissing), nothing defined or assigned', () =>
  withAzureLikeRig({ customApproverRoles: { [DATA_FACTORY]: '11111111-2222-4333-8444-555555555555' } }, async (rig) => {
    const id = await rig.host.startNew(ORCHESTRATORS.assignApproverRoles, {
      instanceId: instanceIdForWorkspace(WS, 'roles'),
      input: { workspaceId: WS, policy: missingApproverPolicy(), confirmActive: false },
    });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Failed');
    assert.match(JSON.stringify(status.failure), /CustomApproverRoleMissing/);
    assert.match(JSON.stringify(status.failure), /11111111-2222-4333-8444-555555555555/);
    assert.deepEqual(roleWrites(rig), { assignments: [], definitions: [] });
  }));

test('resolveCustomApproverRole: a configured role lacking the approval action is refused; a configured type wins over role writes', async () => {
  const rig = await startTestRig({ scenario: 'demo' });
  try {
    const subscription = `/subscriptions/${DEMO_SUBSCRIPTION_1}`;
    const wrong = await rig.arm.putRoleDefinition({ scope: subscription, roleName: 'not an approver', actions: [`${DATA_FACTORY}/read`], assignableScopes: [subscription] });
    const input = { targetScope: DEMO_SHARED.dataFactory, resourceType: DATA_FACTORY, roleName: customApproverRoleName(DATA_FACTORY), actions: customApproverRoleActions(DATA_FACTORY) };
    setActivityDependencies({ arm: rig.arm, snapshots: rig.snapshots, reports: rig.reports, customApproverRoles: { 'microsoft.datafactory/FACTORIES': wrong.name ?? '' }, allowRoleDefinitionWrites: true });
    const definitionPuts = roleWrites(rig).definitions.length;
    const refused = await resolveCustomApproverRole(input);
    assert.equal(refused.status, 'refused');
    assert.equal(refused.status === 'refused' ? refused.error.code : '', 'CustomApproverRoleMismatch');
    assert.equal(roleWrites(rig).definitions.length, definitionPuts, 'a configured type is never defined on the fly');

    setActivityDependencies({ arm: rig.arm, snapshots: rig.snapshots, reports: rig.reports });
    const none = await resolveCustomApproverRole(input);
    assert.deepEqual(none, { status: 'refused', error: { code: 'CustomApproverRoleNotConfigured', message: NOT_CONFIGURED } });
    const typed = customApproverRoleNotConfigured(DATA_FACTORY);
    assert.ok(typed instanceof CustomApproverRoleError);
    assert.equal(typed.retryable, false);
    assert.equal(typed.message, NOT_CONFIGURED);

    setActivityDependencies({ arm: rig.arm, snapshots: rig.snapshots, reports: rig.reports, allowRoleDefinitionWrites: true });
    const defined = await resolveCustomApproverRole(input);
    assert.equal(defined.status === 'resolved' && defined.source, 'defined');
    assert.equal(roleWrites(rig).definitions.length, definitionPuts + 1, 'operator / local runs define the role at the target');
  } finally {
    await rig.close();
  }
});

test('Azure composition: activities get MNET_CUSTOM_APPROVER_ROLES parsed, and may never write role definitions; a bad value stops start-up', () => {
  const env = {
    AzureWebJobsStorage: 'UseDevelopmentStorage=true',
    MNET_APPROVER_AUTH: 'function-key',
    FUNCTIONS_WORKER_RUNTIME: 'node',
    MNET_SUBSCRIPTIONS: DEMO_SUBSCRIPTION_1,
    MNET_EVENT_QUEUE_STORAGE: 'UseDevelopmentStorage=true',
    MNET_CUSTOM_APPROVER_ROLES: ' microsoft.datafactory/factories = 0A5D2E3B-1111-4222-8333-444455556666 ;Microsoft.Databricks/workspaces=1b5d2e3b-1111-4222-8333-444455556666;',
  };
  const deps = new AzureResources(loadAppConfig(env)).activityDependencies();
  assert.deepEqual(deps.customApproverRoles, {
    'Microsoft.DataFactory/factories': '0a5d2e3b-1111-4222-8333-444455556666',
    'Microsoft.Databricks/workspaces': '1b5d2e3b-1111-4222-8333-444455556666',
  });
  assert.notEqual(deps.allowRoleDefinitionWrites, true);
  assert.equal(new AzureResources(loadAppConfig({ ...env, MNET_CUSTOM_APPROVER_ROLES: '' })).activityDependencies().customApproverRoles?.[DATA_FACTORY], undefined);
  for (const bad of ['Microsoft.DataFactory/factories', 'Microsoft.Storage/storageAccounts=0a5d2e3b-1111-4222-8333-444455556666', 'Contoso.Widgets/widgets=0a5d2e3b-1111-4222-8333-444455556666', 'Microsoft.DataFactory/factories=abc']) {
    assert.throws(() => loadAppConfig({ ...env, MNET_CUSTOM_APPROVER_ROLES: bad }), /MNET_CUSTOM_APPROVER_ROLES/, bad);
  }
});

test('onboarding never assigns roles on private-endpoint targets outside the configured subscriptions', () =>
  withRig(async (rig) => {
    // The targets live in DEMO_SUBSCRIPTION_1; the app here is configured for another subscription only.
    const elsewhere = '00000000-0000-0000-0000-000000000009';
    const id = await rig.host.startNew(ORCHESTRATORS.onboardWorkspace, {
      instanceId: instanceIdForWorkspace(WS),
      input: { workspaceId: WS, policy: missingApproverPolicy(), subscriptions: [elsewhere], dryRun: false, request: { trigger: 'cli' } },
    });
    const status = await rig.host.runUntilComplete(id);
    assert.equal(status.runtimeStatus, 'Completed');
    const output = status.output as OnboardWorkspaceOutput;
    assert.notEqual(output.result, 'failed');
    assert.deepEqual(roleWrites(rig).assignments, [], 'no role assignment outside the fence');
    assert.deepEqual(await ruleStatuses(rig, WS), { 'pe-aiservices': 'Inactive', 'pe-datafactory': 'Inactive' });
  }));
