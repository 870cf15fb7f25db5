import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyText } from '../../src/policy/parse';
import { POLICY_DEFAULTS } from '../../src/policy/schema';
import { validatePolicy } from '../../src/policy/validate';
import { SUB1, STORAGE_ID, allProblems, approved, check, fqdn, mn, policy, tag } from './helpers';

function ok(r: ReturnType<typeof check>) {
  assert.equal(r.ok, true, JSON.stringify(allProblems(r)));
  if (!r.ok) throw new Error('unreachable');
  return r.policy;
}

test('applies every documented default', () => {
  const p = ok(check(policy()));
  assert.deepEqual(p.provisioning, { provision_now: true, include_spark: false });
  assert.deepEqual(p.compute_migration, { mode: 'require_approval', approval_timeout_hours: 72, skip_unsupported: false, max_parallel_deletes: 10 });
  assert.deepEqual(p.approver_roles, { assign: true, custom_role_for_uncovered_types: true });
  assert.deepEqual(p.drift, { mode: 'report', max_workspaces_per_run: 25 });
  assert.deepEqual(p.scope, { subscriptions: [SUB1], resource_groups: [], workspace_kinds: [], tags: {}, exclude: [] });
  assert.deepEqual(p.managed_network, { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [] });
  assert.deepEqual(p.rule_packs, []);
  assert.deepEqual(p.rule_pack_options, {});
  assert.equal(p.public_network_access, undefined);
  assert.equal(p.image_build_compute, undefined);
  assert.equal('firewall_sku' in p.managed_network, false);
  assert.equal(POLICY_DEFAULTS.drift.max_workspaces_per_run, 25);
});

test('fills defaults inside a partly written section and for empty sections', () => {
  const r = parsePolicyText(
    `scope: {subscriptions: ['${SUB1}']}\nmanaged_network:\n  isolation_mode: disabled\n  outbound_rules:\nrule_packs:\nprovisioning:\n  include_spark: false\ndrift:\n`,
    'p.yaml',
  );
  const p = ok(r);
  assert.deepEqual(p.provisioning, { provision_now: true, include_spark: false });
  assert.deepEqual(p.drift, { mode: 'report', max_workspaces_per_run: 25 });
  assert.deepEqual(p.managed_network.outbound_rules, []);
  assert.deepEqual(p.rule_packs, []);
});

test('the policy name defaults to the file name', () => {
  const text = `scope: {subscriptions: ['${SUB1}']}\nmanaged_network: {isolation_mode: disabled}\n`;
  assert.equal(ok(parsePolicyText(text, 'policies/prod-ml.yaml')).name, 'prod-ml');
  assert.equal(ok(parsePolicyText(`name: Prod\n${text}`, 'x.yaml')).name, 'Prod');
  assert.equal(ok(validatePolicy({ scope: { subscriptions: [SUB1] }, managed_network: { isolation_mode: 'disabled' } })).name, 'policy');
});

test('accepts the az ml managed_network block as pasted (port_ranges as a number, spark_enabled omitted, firewall_sku any case)', () => {
  const text = `
scope:
  subscriptions: [${SUB1}]
managed_network:
  isolation_mode: allow_only_approved_outbound
  firewall_sku: Basic
  outbound_rules:
  - name: added-servicetagrule
    destination:
      port_ranges: 443
      protocol: TCP
      service_tag: DataFactory
    type: service_tag
  - name: add-fqdnrule
    destination: 'pypi.org'
    type: fqdn
  - name: added-perule
    destination:
      service_resource_id: ${STORAGE_ID}
      subresource_target: blob
    type: private_endpoint
`;
  const p = ok(parsePolicyText(text, 'ws.yaml'));
  assert.equal(p.managed_network.firewall_sku, 'basic');
  const [st, , per] = p.managed_network.outbound_rules;
  assert.deepEqual(st?.destination, { service_tag: 'DataFactory', protocol: 'TCP', port_ranges: '443' });
  assert.deepEqual(per?.destination, { service_resource_id: STORAGE_ID, subresource_target: 'blob', spark_enabled: false });
});

test('category from az ml show output is accepted and dropped from the model', () => {
  const p = ok(check(approved([{ ...fqdn('contoso', 'contoso.com'), category: 'user_defined' }])));
  assert.deepEqual(p.managed_network.outbound_rules[0], { name: 'contoso', type: 'fqdn', destination: 'contoso.com' });
});

test('unknown keys are errors, with a suggestion when close', () => {
  const r = check(policy({ provisioning: { include_sprak: true }, rule_pakcs: [], totally_unrelated: 1 }));
  assert.equal(r.ok, false);
  const unknown = allProblems(r).filter((p) => p.rule === 'unknown-key');
  assert.equal(unknown.length, 3);
  const by = (path: string) => unknown.find((p) => p.path === path)?.message ?? '';
  assert.match(by('provisioning.include_sprak'), /did you mean "include_spark"/);
  assert.match(by('rule_pakcs'), /did you mean "rule_packs"/);
  assert.doesNotMatch(by('totally_unrelated'), /did you mean/);
});

test('unknown keys inside a rule destination suggest keys of that rule type', () => {
  const r = check(approved([{ ...tag('adf', 'DataFactory'), destination: { service_tag: 'DataFactory', protocol: 'TCP', port_range: '443' } }]));
  const p = allProblems(r).find((x) => x.rule === 'unknown-key');
  assert.match(p?.message ?? '', /did you mean "port_ranges"/);
  assert.equal(p?.path, 'managed_network.outbound_rules[0] (name: adf).destination.port_range');
});

test('an ARM spelling of a mode or rule type gets the az ml name in the message', () => {
  const r = check(policy({ managed_network: mn('AllowInternetOutbound', [{ name: 'pypi', type: 'FQDN', destination: 'pypi.org' }]) }));
  const messages = allProblems(r).map((p) => p.message).join('\n');
  assert.match(messages, /az ml name "allow_internet_outbound"/);
  assert.match(messages, /az ml name "fqdn"/);
});

test('missing required keys and wrong types are reported by path', () => {
  const r = check({ scope: { subscriptions: [] }, managed_network: { outbound_rules: [{ type: 'fqdn', destination: 5 }] } });
  const got = allProblems(r).map((p) => `${p.rule} ${p.path}`).sort();
  assert.deepEqual(got, [
    'invalid-type managed_network.outbound_rules[0].destination',
    'invalid-value scope.subscriptions',
    'required-key managed_network.isolation_mode',
    'required-key managed_network.outbound_rules[0].name',
  ]);
});

test('JSON input is accepted (JSON is YAML) and positions are known', () => {
  const json = JSON.stringify({ scope: { subscriptions: [SUB1] }, managed_network: { isolation_mode: 'allow_only_approved_outbound', outbound_rules: [fqdn('pypi', 'pypi.org:8080')] } }, null, 2);
  const r = parsePolicyText(json, 'p.json');
  assert.equal(r.ok, false);
  const p = allProblems(r).find((x) => x.rule === 'fqdn-ports');
  assert.ok(p);
  assert.equal(p.line, json.split('\n').findIndex((l) => l.includes('pypi.org:8080')) + 1);
  assert.equal(ok(parsePolicyText(JSON.stringify(policy()), 'p.json')).managed_network.isolation_mode, 'allow_only_approved_outbound');
});

test('YAML syntax errors carry line and column', () => {
  const r = parsePolicyText('scope:\n  subscriptions: [a, b\nmanaged_network:\n  isolation_mode: disabled\n', 'bad.yaml');
  assert.equal(r.ok, false);
  if (r.ok) return;
  const p = r.problems[0];
  assert.equal(p?.rule, 'yaml-syntax');
  assert.equal(typeof p?.line, 'number');
  assert.equal(typeof p?.column, 'number');
  assert.ok((p?.line ?? 0) >= 2);
  assert.equal(p?.source, 'bad.yaml');
});

test('a tab-indented line is a syntax error at its exact position', () => {
  const r = parsePolicyText('scope:\n\tsubscriptions: []\n', 'tab.yaml');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual([r.problems[0]?.rule, r.problems[0]?.line, r.problems[0]?.column], ['yaml-syntax', 2, 1]);
});

test('duplicate keys are syntax errors', () => {
  const r = parsePolicyText(`name: a\nname: b\nscope: {subscriptions: ['${SUB1}']}\nmanaged_network: {isolation_mode: disabled}\n`, 'dup.yaml');
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual([r.problems[0]?.rule, r.problems[0]?.line], ['yaml-syntax', 2]);
});

test('an empty document or a list is not a policy', () => {
  for (const text of ['', '# only a comment\n', '- a\n', '42\n']) {
    const r = parsePolicyText(text, 'x.yaml');
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.problems[0]?.rule, 'policy-not-mapping');
  }
  assert.equal(validatePolicy(null).ok, false);
  assert.equal(validatePolicy('text').ok, false);
});

test('warnings never fail validation', () => {
  const r = check(approved([tag('adf', 'DataFactory')]));
  assert.equal(r.ok, true);
  assert.ok((r.warnings ?? []).length > 0);
  assert.ok((r.warnings ?? []).every((w) => w.severity === 'warning'));
});

test('all problems are reported at once, schema and semantic alike', () => {
  const r = check(approved(
    [fqdn('pypi', 'pypi.org:8080'), fqdn('pypi', 'files.pythonhosted.org'), { name: 'broken', type: 'fqdn' }],
    { drfit: {}, scope: { subscriptions: ['sub-a'] } },
  ));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.problems.map((p) => p.rule).sort(), ['fqdn-ports', 'required-key', 'rule-name-unique', 'scope-subscription-guid', 'unknown-key']);
});

test('three independent mistakes give three problems', () => {
  const r = check(approved([
    fqdn('mirror', 'mirror.contoso.com:8080'),
    fqdn('pypi', 'pypi.org'),
    fqdn('pypi', 'files.pythonhosted.org'),
    { name: 'web', type: 'private_endpoint', destination: { service_resource_id: STORAGE_ID.replace('Microsoft.Storage/storageAccounts', 'Microsoft.Web/sites'), subresource_target: 'sites' } },
  ]));
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.problems.length, 3);
});

test('an FQDN :80 or :443 suffix is accepted and dropped from the model (ARM has no FQDN port)', () => {
  const p = ok(check(approved([fqdn('pypi', 'pypi.org:443'), fqdn('conda', '*.anaconda.org'), fqdn('web', 'example.com:80')])));
  assert.deepEqual(p.managed_network.outbound_rules.map((r) => r.destination), ['pypi.org', '*.anaconda.org', 'example.com']);
  const dup = check(approved([fqdn('pypi', 'pypi.org:443'), fqdn('pypi-http', 'pypi.org:80')]));
  assert.ok((dup.warnings ?? []).some((w) => w.rule === 'fqdn-duplicate-destination'));
});
