import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plan } from '../../src/planner/plan';
import { ruleDifferences, sameRule } from '../../src/planner/arm-rule';
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

test('a policy rule with the name of a Required or Recommended rule refuses the plan (the rule cannot exist)', () => {
  for (const category of ['Required', 'Recommended'] as const) {
    const ws = approved({ taken: fqdnRule('x.example.com', category) });
    const policy = makePolicy({
      managed_network: {
        isolation_mode: 'allow_only_approved_outbound',
        outbound_rules: [
          { name: 'other', type: 'fqdn', destination: 'other.example.com' },
          { name: 'taken', type: 'fqdn', destination: 'y.example.com' },
        ],
      },
    });
    const p = plan(policy, { workspace: ws });
    assert.equal(p.compliant, false, category);
    assert.equal(p.refused?.rule, 'rule-name-taken', category);
    assert.match(p.refused?.reason ?? '', new RegExp(`"taken" exists as a ${category} rule \\(x\\.example\\.com\\).*y\\.example\\.com`));
    assert.deepEqual(p.steps, [], 'a refused plan has no steps');
    assert.equal(p.warnings.some((w) => w.code === 'firewall-cost'), false, 'no warnings about steps that are not planned');
  }
  // The same destination under a service rule's name is satisfied, not refused.
  const same = plan(
    makePolicy({ managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [{ name: 'taken', type: 'fqdn', destination: 'x.example.com' }] } }),
    { workspace: approved({ taken: fqdnRule('x.example.com', 'Recommended') }) },
  );
  assert.equal(same.compliant, true);
});

test('a user rule whose type changes to FQDN is removed then added again, and counts as the first FQDN rule', () => {
  const search = resId('Microsoft.Search', 'searchServices', 'srch01');
  const ws = approved({
    web: { type: 'PrivateEndpoint', category: 'UserDefined', status: 'Active', destination: { serviceResourceId: search, subresourceTarget: 'searchService', sparkEnabled: false } },
  });
  const policy = makePolicy({ managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [{ name: 'web', type: 'fqdn', destination: 'web.example.com' }] } });
  const p = plan(policy, { workspace: ws });
  assert.deepEqual(p.steps.map((s) => s.id), ['remove-rule:web', 'add-rule:web', 'provision-network']);
  const add = p.steps[1];
  assert.ok(add && add.kind === 'add-rule');
  assert.equal(add.params.addsFirstFqdnRule, true);
  assert.equal(add.flags.costly, true);
  assert.ok(p.warnings.some((w) => w.code === 'firewall-cost' && w.stepId === 'add-rule:web'));
  const provision = p.steps[2];
  assert.ok(provision && provision.kind === 'provision-network');
  assert.equal(provision.params.estimatedMinutes, 40, '30 + 10 for the first FQDN rule');
  assert.match(p.steps[0]?.reason ?? '', /changes type PrivateEndpoint -> FQDN/);
});

test('ruleDifferences is empty exactly when sameRule holds', () => {
  const pe = (sparkEnabled?: boolean): OutboundRule => ({
    type: 'PrivateEndpoint',
    category: 'UserDefined',
    destination: { serviceResourceId: STORAGE, subresourceTarget: 'blob', ...(sparkEnabled === undefined ? {} : { sparkEnabled }) },
  });
  const tag = (portRanges: string): OutboundRule => ({ type: 'ServiceTag', destination: { serviceTag: 'Storage', protocol: 'TCP', portRanges } });
  const pairs: [OutboundRule, OutboundRule][] = [
    [fqdnRule('PyPI.org'), fqdnRule('pypi.org')],
    [fqdnRule('a.example.com'), fqdnRule('b.example.com')],
    [pe(), pe(false)],
    [pe(true), pe(false)],
    [tag('443, 80'), tag('80,443')],
    [tag('443'), tag('80')],
    [{ type: 'ServiceTag', destination: undefined } as unknown as OutboundRule, tag('443')],
    // Read without portRanges vs an empty port list: the two functions used to disagree here.
    [{ type: 'ServiceTag', destination: { serviceTag: 'Storage', protocol: 'TCP' } } as unknown as OutboundRule, tag('')],
    [fqdnRule('x.example.com'), pe()],
  ];
  for (const [a, d] of pairs) {
    assert.equal(ruleDifferences(a, d).length === 0, sameRule(a, d), `${JSON.stringify(a.destination)} vs ${JSON.stringify(d.destination)}`);
  }
  assert.deepEqual(ruleDifferences(tag('443'), tag('80')), ['destination: Storage TCP 443 -> Storage TCP 80']);
  assert.deepEqual(ruleDifferences(fqdnRule('x.example.com'), pe()), ['type: FQDN -> PrivateEndpoint']);
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
