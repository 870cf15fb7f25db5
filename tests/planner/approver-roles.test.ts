import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import { APPROVER_ROLE } from '../../src/catalog/approver-role';
import type { PolicyOutboundRule } from '../../src/policy/types';
import { makePolicy, makeWorkspace, PRINCIPAL, requiredRules, resId } from './fixtures';

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
