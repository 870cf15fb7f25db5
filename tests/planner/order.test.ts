import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import { STEP_ORDER } from '../../src/planner/order';
import { STEP_KINDS } from '../../src/planner/steps';
import { cluster, fqdnRule, makePolicy, makeWorkspace, resId } from './fixtures';

test('STEP_ORDER covers every step kind exactly once', () => {
  assert.deepEqual([...STEP_ORDER].sort(), [...STEP_KINDS].sort());
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
