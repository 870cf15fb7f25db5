import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import type { OutboundRule } from '../../src/arm/types';
import { fqdnRule, makePolicy, makeWorkspace, requiredRules, resId, STORAGE } from './fixtures';

const approved = (rules: Record<string, OutboundRule>) =>
  makeWorkspace({ mode: 'AllowOnlyApprovedOutbound', rules: { ...requiredRules(), ...rules } });

test('Required, Recommended and Dependency rules are never touched, even when absent from the policy', () => {
  const ws = approved({
    recommended: fqdnRule('recommended.example.com', 'Recommended'),
    dep: { type: 'FQDN', category: 'Dependency', status: 'Active', destination: 'dep.example.com' },
  });
  const p = plan(makePolicy(), { workspace: ws });
  assert.equal(p.compliant, true, JSON.stringify(p.steps));
});

test('a policy rule with the name of a service rule is not written over it', () => {
  const ws = approved({ __SYS_ST_AzureActiveDirectory: fqdnRule('x.example.com', 'Required') });
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [{ name: '__SYS_ST_AzureActiveDirectory', type: 'fqdn', destination: 'y.example.com' }] },
  });
  const p = plan(policy, { workspace: ws });
  assert.equal(p.steps.length, 0);
  assert.ok(p.warnings.some((w) => w.code === 'rule-name-taken'));
});

test('a user rule whose destination differs is updated; one not in the policy is removed', () => {
  const ws = approved({ pypi: fqdnRule('pypi.python.org'), stale: fqdnRule('old.example.com'), keep: fqdnRule('keep.example.com') });
  const policy = makePolicy({
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [
        { name: 'pypi', type: 'fqdn', destination: 'pypi.org' },
        { name: 'keep', type: 'fqdn', destination: 'keep.example.com' },
        { name: 'new-one', type: 'fqdn', destination: 'new.example.com' },
      ],
    },
  });
  const p = plan(policy, { workspace: ws });
  assert.deepEqual(p.steps.map((s) => s.id), ['add-rule:new-one', 'update-rule:pypi', 'remove-rule:stale']);
  const update = p.steps[1];
  assert.ok(update && update.kind === 'update-rule');
  assert.deepEqual(update.params.changes, ['destination: pypi.python.org -> pypi.org']);
  const remove = p.steps[2];
  assert.ok(remove && remove.kind === 'remove-rule');
  assert.equal(remove.flags.disruptive, true);
  // An FQDN rule already existed: no firewall surcharge.
  assert.equal(p.steps[0]?.flags.costly, false);
});

test('rule names compare without case; service tag ports compare as sets', () => {
  const ws = approved({
    PyPI: fqdnRule('pypi.org'),
    tag: { type: 'ServiceTag', category: 'UserDefined', status: 'Active', destination: { serviceTag: 'Storage', protocol: 'TCP', portRanges: '80, 443', action: 'Allow', addressPrefixes: ['1.2.3.0/24'] } },
  });
  const policy = makePolicy({
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [
        { name: 'pypi', type: 'fqdn', destination: 'pypi.org' },
        { name: 'tag', type: 'service_tag', destination: { service_tag: 'storage', protocol: 'tcp', port_ranges: '443,80' } },
      ],
    },
  });
  assert.equal(plan(policy, { workspace: ws }).compliant, true);
});

test('a private endpoint rule whose subresource or spark flag differs is updated', () => {
  const target = resId('Microsoft.Storage', 'storageAccounts', 'data01');
  const ws = approved({
    data: { type: 'PrivateEndpoint', category: 'UserDefined', status: 'Active', destination: { serviceResourceId: target, subresourceTarget: 'blob', sparkEnabled: false } },
  });
  const policy = makePolicy({
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [{ name: 'data', type: 'private_endpoint', destination: { service_resource_id: target, subresource_target: 'blob', spark_enabled: true } }],
    },
  });
  const p = plan(policy, { workspace: ws });
  assert.deepEqual(p.steps.map((s) => s.id), ['update-rule:data', 'assign-approver-roles']);
});

test('rules being deleted are not removed again', () => {
  const ws = approved({ going: { ...fqdnRule('a.example.com'), status: 'Deleting' } });
  assert.equal(plan(makePolicy(), { workspace: ws }).compliant, true);
});

test('rules listed separately win over the inline copy', () => {
  const ws = approved({ inline: fqdnRule('inline.example.com') });
  const p = plan(makePolicy(), { workspace: ws, outboundRules: { ...requiredRules(), listed: fqdnRule('listed.example.com') } });
  assert.deepEqual(p.steps.map((s) => s.id), ['remove-rule:listed']);
});

test('guard: a rule type the target mode does not accept refuses the plan', () => {
  const policy = makePolicy({
    managed_network: { isolation_mode: 'allow_internet_outbound', outbound_rules: [{ name: 'pypi', type: 'fqdn', destination: 'pypi.org' }] },
  });
  const p = plan(policy, { workspace: makeWorkspace({ mode: 'Disabled' }), computes: [] });
  assert.equal(p.refused?.rule, 'rule-type-not-allowed');
  assert.deepEqual(p.steps, []);
});

test('rule packs are part of the desired rules (expanded per workspace)', () => {
  const policy = makePolicy({ rule_packs: ['batch_endpoints'] });
  const p = plan(policy, { workspace: approved({}) });
  const adds = p.steps.filter((s) => s.kind === 'add-rule');
  assert.deepEqual(adds.map((s) => s.id), ['add-rule:batch-storage-queue', 'add-rule:batch-storage-table']);
  const first = adds[0];
  assert.ok(first && first.kind === 'add-rule' && first.params.rule.type === 'PrivateEndpoint');
  assert.equal(first.params.rule.destination.serviceResourceId, STORAGE);
  // The default storage account needs no approver role.
  assert.equal(p.steps.some((s) => s.kind === 'assign-approver-roles'), false);
});
