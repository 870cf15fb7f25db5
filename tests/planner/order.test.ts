import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import { orderSteps } from '../../src/planner/order';
import { STEP_KINDS, type PlanStep } from '../../src/planner/steps';
import { cluster, fqdnRule, makePolicy, makeWorkspace, resId } from './fixtures';

test('STEP_KINDS lists every step kind exactly once', () => {
  assert.equal(new Set(STEP_KINDS).size, STEP_KINDS.length);
});

test('orderSteps: additions before removals, except the removal of a rule that is added again under its name', () => {
  const step = (kind: 'add-rule' | 'remove-rule', name: string) =>
    ({ id: `${kind}:${name}`, kind, target: name, reason: '', flags: {}, params: { name } }) as unknown as PlanStep;
  const ordered = orderSteps([step('remove-rule', 'stale'), step('add-rule', 'new'), step('remove-rule', 'Retyped'), step('add-rule', 'retyped')]);
  assert.deepEqual(ordered.map((s) => s.id), ['remove-rule:Retyped', 'add-rule:new', 'add-rule:retyped', 'remove-rule:stale']);
});

test('a full onboarding plan comes out in the safe order', () => {
  const ws = makeWorkspace({ mode: 'Disabled', rules: { stale: fqdnRule('old.example.com') } });
  const policy = makePolicy({
    public_network_access: 'disabled',
    image_build_compute: 'cpu-cluster',
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      firewall_sku: 'basic',
      outbound_rules: [
        { name: 'search', type: 'private_endpoint', destination: { service_resource_id: resId('Microsoft.Search', 'searchServices', 's1'), subresource_target: 'searchService', spark_enabled: false } },
        { name: 'pypi', type: 'fqdn', destination: 'pypi.org' },
      ],
    },
  });
  const p = plan(policy, { workspace: ws, computes: [cluster('cpu-cluster')] });
  assert.deepEqual(p.steps.map((s) => s.id), [
    'migrate-computes',
    'set-public-network-access',
    'set-isolation-mode',
    'set-firewall-sku',
    'add-rule:search',
    'add-rule:pypi',
    'remove-rule:stale',
    'assign-approver-roles',
    'provision-network',
    'set-image-build-compute',
  ]);
  // Stale FQDN rule existed: the firewall is not new.
  assert.equal(p.estimatedMinutes, 30);
});
