import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import { APPROVER_ROLE, customApproverRoleName } from '../../src/catalog/approver-role';
import { roleDefinitionName } from '../../src/arm/client/role-names';
import type { OutboundRule } from '../../src/arm/types';
import { customRoleNameForTarget as activityRoleName } from '../../src/durable/activities/approver-roles';
import { customApproverRoleGuid } from '../../src/planner/custom-approver-role';
import type { PolicyOutboundRule } from '../../src/policy/types';
import { makePolicy, makeWorkspace, OTHER_SUB, PRINCIPAL, requiredRules, resId, RG, SUB } from './fixtures';

const search = resId('Microsoft.Search', 'searchServices', 'srch01');
const factory = resId('Microsoft.DataFactory', 'factories', 'adf01');
const pe = (name: string, id: string, sub: string): PolicyOutboundRule => ({
  name,
  type: 'private_endpoint',
  destination: { service_resource_id: id, subresource_target: sub, spark_enabled: false },
});

test('new private endpoints to non-default targets get approver roles: built-in where covered, custom otherwise', () => {
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('search', search, 'searchService'), pe('adf', factory, 'dataFactory')] },
  });
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules: requiredRules() }) });
  const step = p.steps.find((s) => s.kind === 'assign-approver-roles');
  assert.ok(step && step.kind === 'assign-approver-roles');
  assert.equal(step.params.assignments.length, 2);
  const [s, f] = step.params.assignments;
  assert.equal(s?.principalId, PRINCIPAL);
  assert.deepEqual(s?.role, { kind: 'builtin', name: APPROVER_ROLE.name, roleDefinitionGuid: APPROVER_ROLE.roleDefinitionGuid });
  assert.equal(f?.role.kind, 'custom');
  assert.ok(f?.role.kind === 'custom' && f.role.actions.includes('Microsoft.DataFactory/factories/privateEndpointConnectionsApproval/action'));
  // Order: rules, then roles, then nothing else (network already active).
  assert.deepEqual(p.steps.map((x) => x.kind), ['add-rule', 'add-rule', 'assign-approver-roles']);
});

test('roles already present are not assigned again; without custom roles the uncovered target is a warning', () => {
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('search', search, 'searchService'), pe('adf', factory, 'dataFactory')] },
    approver_roles: { assign: true, custom_role_for_uncovered_types: false },
  });
  const existing = [{ scope: search.toUpperCase(), principalId: PRINCIPAL, roleDefinitionId: `/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${APPROVER_ROLE.roleDefinitionGuid}` }];
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound' }), roleAssignments: existing });
  assert.equal(p.steps.some((s) => s.kind === 'assign-approver-roles'), false);
  assert.ok(p.warnings.some((w) => w.code === 'approver-role-uncovered'));
});

test('with known assignments, a compliant rule whose role is missing still gets the role', () => {
  const policy = makePolicy({ managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('search', search, 'searchService')] } });
  const ws = makeWorkspace({
    mode: 'AllowOnlyApprovedOutbound',
    rules: {
      ...requiredRules(),
      search: { type: 'PrivateEndpoint', category: 'UserDefined', status: 'Active', destination: { serviceResourceId: search, subresourceTarget: 'searchService', sparkEnabled: false } },
    },
  });
  assert.equal(plan(policy, { workspace: ws }).compliant, true, 'unknown assignments: no churn');
  const p = plan(policy, { workspace: ws, roleAssignments: [] });
  assert.deepEqual(p.steps.map((s) => s.kind), ['assign-approver-roles']);
});

test('approver_roles.assign off: a warning instead of a step', () => {
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('search', search, 'searchService')] },
    approver_roles: { assign: false, custom_role_for_uncovered_types: false },
  });
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound' }) });
  assert.deepEqual(p.steps.map((s) => s.kind), ['add-rule']);
  assert.ok(p.warnings.some((w) => w.code === 'approver-roles-manual'));
});

const BUILTIN_ID = `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${APPROVER_ROLE.roleDefinitionGuid}`;
const peRule = (id: string, subresource: string): OutboundRule => ({
  type: 'PrivateEndpoint',
  category: 'UserDefined',
  status: 'Active',
  destination: { serviceResourceId: id, subresourceTarget: subresource, sparkEnabled: false },
});
const bothTargets = makePolicy({
  managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('search', search, 'searchService'), pe('adf', factory, 'dataFactory')] },
});
const withBothRules = () =>
  makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules: { ...requiredRules(), search: peRule(search, 'searchService'), adf: peRule(factory, 'dataFactory') } });
const planned = (p: ReturnType<typeof plan>) =>
  p.steps.flatMap((s) => (s.kind === 'assign-approver-roles' ? s.params.assignments.map((a) => a.scope) : []));

test('a built-in role assigned at the target\'s resource group or subscription (any case) covers the target', () => {
  const policy = makePolicy({ managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('search', search, 'searchService')] } });
  const ws = makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules: { ...requiredRules(), search: peRule(search, 'searchService') } });
  const at = (scope: string) => plan(policy, { workspace: ws, roleAssignments: [{ scope, principalId: PRINCIPAL.toUpperCase(), roleDefinitionId: BUILTIN_ID }] });
  assert.equal(at(`/subscriptions/${SUB}/resourceGroups/${RG}`.toUpperCase()).compliant, true, 'resource group scope');
  assert.equal(at(`/subscriptions/${SUB}/`).compliant, true, 'subscription scope');
  assert.deepEqual(planned(at(`/subscriptions/${SUB}/resourceGroups/${RG}-other`)), [search], 'a sibling resource group does not cover it');
  assert.deepEqual(planned(at(`/subscriptions/${SUB}/resourceGroups/rg`)), [search], 'a prefix of the name is not a parent');
});

test('the product\'s custom approver role is recognised by its role definition id; a workspace whose targets are covered is compliant', () => {
  const customGuid = customApproverRoleGuid(customApproverRoleName('Microsoft.DataFactory/factories'), factory);
  const roleAssignments = [
    { scope: search, principalId: PRINCIPAL, roleDefinitionId: BUILTIN_ID },
    { scope: factory, principalId: PRINCIPAL, roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${customGuid}` },
  ];
  const p = plan(bothTargets, { workspace: withBothRules(), roleAssignments });
  assert.equal(p.compliant, true, JSON.stringify(p.steps));
  // Another role on the factory (e.g. Reader) does not cover it.
  const reader = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';
  const other = plan(bothTargets, { workspace: withBothRules(), roleAssignments: [roleAssignments[0]!, { ...roleAssignments[1]!, roleDefinitionId: reader }] });
  assert.deepEqual(planned(other), [factory]);
});

test('the planner derives the custom role exactly as the activity that defines it', () => {
  const base = customApproverRoleName('Microsoft.DataFactory/factories');
  const activityGuid = roleDefinitionName(factory, activityRoleName(base, factory));
  assert.equal(customApproverRoleGuid(base, factory), activityGuid);
  assert.equal(customApproverRoleGuid(base, factory.toUpperCase()), activityGuid, 'scope case does not matter');
});

test('targets outside the configured subscriptions get no role assignment, only a refusal naming them', () => {
  const outside = resId('Microsoft.Search', 'searchServices', 'srch-far', RG, OTHER_SUB);
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [pe('far', outside, 'searchService'), pe('near', search, 'searchService')] },
  });
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules: requiredRules() }) }, { subscriptionsInScope: [SUB] });
  assert.deepEqual(planned(p), [search], 'only the target inside the configured subscriptions');
  const refusal = p.warnings.find((w) => w.code === 'target-outside-subscriptions');
  assert.equal(refusal?.level, 'refusal');
  assert.ok(refusal?.message.includes(outside), refusal?.message);
  // Without a fence (no configured subscriptions given), both are planned.
  assert.deepEqual(planned(plan(policy, { workspace: makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules: requiredRules() }) })), [outside, search]);
});

test('a pre-created custom approver role (PlanContext.customApproverRoles, any type case) counts as assigned', () => {
  const preCreated = '3f0c1a52-7d4e-4a8b-9c61-0d2e5b7a9f14';
  const roleAssignments = [
    { scope: search, principalId: PRINCIPAL, roleDefinitionId: BUILTIN_ID },
    { scope: factory, principalId: PRINCIPAL, roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${preCreated}` },
  ];
  assert.deepEqual(planned(plan(bothTargets, { workspace: withBothRules(), roleAssignments })), [factory], 'unknown role without the map');
  const p = plan(bothTargets, { workspace: withBothRules(), roleAssignments }, { customApproverRoles: { 'microsoft.datafactory/FACTORIES': preCreated.toUpperCase() } });
  assert.equal(p.compliant, true, JSON.stringify(p.steps));
});
