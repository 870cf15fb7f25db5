import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULE_PACKS } from '../../src/catalog/rule-packs';
import { RULE_NAME_PATTERN } from '../../src/catalog/outbound-rules';
import { expandRulePackRules } from '../../src/policy/expand-rule-packs';
import type { Policy } from '../../src/policy/types';
import { AI_SEARCH_ID, AI_SERVICES_ID, STORAGE_ID, allProblems, approved, check, fqdn, pe, policy } from './helpers';

function load(raw: Record<string, unknown>): Policy {
  const r = check(raw);
  assert.equal(r.ok, true, JSON.stringify(allProblems(r)));
  if (!r.ok) throw new Error('unreachable');
  return r.policy;
}

test('adds pack rules after the policy rules, named from the catalog', () => {
  const p = load(approved([fqdn('internal', 'mirror.contoso.com')], { rule_packs: ['python_packages'] }));
  const rules = expandRulePackRules(p, {});
  assert.equal(rules[0]?.name, 'internal');
  const packRules = RULE_PACKS.python_packages?.rules ?? [];
  assert.equal(rules.length, 1 + packRules.length);
  assert.deepEqual(rules.slice(1).map((r) => r.name), packRules.map((r) => r.name));
  assert.ok(rules.every((r) => RULE_NAME_PATTERN.test(r.name)));
  assert.deepEqual(rules.find((r) => r.type === 'fqdn' && r.destination === 'pypi.org'), { name: 'pkg-pypi-org', type: 'fqdn', destination: 'pypi.org' });
});

test('is deterministic and pure', () => {
  const p = load(approved([], { rule_packs: ['vscode', 'huggingface'] }));
  const before = JSON.stringify(p);
  assert.deepEqual(expandRulePackRules(p, {}), expandRulePackRules(p, {}));
  assert.equal(JSON.stringify(p), before);
});

test('skips a pack FQDN the policy already lists (any case), and overlaps between packs', () => {
  const p = load(approved([fqdn('my-pypi', 'PYPI.org')], { rule_packs: ['python_packages', 'curated_models'] }));
  const rules = expandRulePackRules(p, { workspaceKind: 'Hub' });
  const pypi = rules.filter((r) => r.type === 'fqdn' && r.destination.toLowerCase() === 'pypi.org');
  assert.deepEqual(pypi.map((r) => r.name), ['my-pypi']);
  const destinations = rules.map((r) => (r.type === 'fqdn' ? r.destination.toLowerCase() : ''));
  assert.equal(new Set(destinations).size, destinations.length, 'no FQDN twice');
});

test('hub-only packs apply only to hubs and projects when the kind is known', () => {
  const p = load(approved([], { rule_packs: ['vscode_hub'] }));
  assert.equal(expandRulePackRules(p, { workspaceKind: 'Default' }).length, 0);
  assert.ok(expandRulePackRules(p, { workspaceKind: 'Hub' }).length > 0);
  assert.ok(expandRulePackRules(p, { workspaceKind: 'project' }).length > 0);
  assert.ok(expandRulePackRules(p, {}).length > 0);
});

test('batch_endpoints targets the default storage account (queue and table), only when it is known', () => {
  const p = load(approved([], { rule_packs: ['batch_endpoints'] }));
  assert.deepEqual(expandRulePackRules(p, {}), []);
  assert.deepEqual(expandRulePackRules(p, { defaultStorageAccountId: STORAGE_ID }), [
    { name: 'batch-storage-queue', type: 'private_endpoint', destination: { service_resource_id: STORAGE_ID, subresource_target: 'queue', spark_enabled: false } },
    { name: 'batch-storage-table', type: 'private_endpoint', destination: { service_resource_id: STORAGE_ID, subresource_target: 'table', spark_enabled: false } },
  ]);
  const covered = load(approved([pe('my-queue', STORAGE_ID.toLowerCase(), 'Queue')], { rule_packs: ['batch_endpoints'] }));
  assert.deepEqual(expandRulePackRules(covered, { defaultStorageAccountId: STORAGE_ID }).map((r) => r.name), ['my-queue', 'batch-storage-table']);
});

test('prompt_flow points at the targets named in rule_pack_options', () => {
  const p = load(policy({
    managed_network: { isolation_mode: 'allow_internet_outbound' },
    rule_packs: ['prompt_flow'],
    rule_pack_options: { prompt_flow: { ai_services_resource_id: AI_SERVICES_ID, ai_search_resource_id: AI_SEARCH_ID } },
  }));
  assert.deepEqual(expandRulePackRules(p, {}).map((r) => (r.type === 'private_endpoint' ? [r.name, r.destination.service_resource_id, r.destination.subresource_target] : [])), [
    ['pf-aiservices', AI_SERVICES_ID, 'account'],
    ['pf-aisearch', AI_SEARCH_ID, 'searchService'],
  ]);
});

test('the vscode pack is valid in approved mode: its Microsoft-owned blob host is not rejected as storage', () => {
  const r = check(approved([], { rule_packs: ['vscode'] }));
  assert.equal(r.ok, true, JSON.stringify(allProblems(r)));
  assert.ok(!allProblems(r).some((p) => p.rule === 'fqdn-storage-in-approved-mode'));
  if (r.ok) assert.ok(expandRulePackRules(r.policy, {}).some((x) => x.type === 'fqdn' && x.destination === 'vscode.blob.core.windows.net'));
});

test('every pack expands to rules that pass validation when written out by hand', () => {
  for (const name of Object.keys(RULE_PACKS)) {
    const withPack = load(policy({
      rule_packs: [name],
      rule_pack_options: name === 'prompt_flow' ? { prompt_flow: { ai_services_resource_id: AI_SERVICES_ID, ai_search_resource_id: AI_SEARCH_ID } } : {},
    }));
    const rules = expandRulePackRules(withPack, { defaultStorageAccountId: STORAGE_ID, workspaceKind: 'Hub' });
    assert.ok(rules.length > 0, name);
    const r = check(approved(rules as unknown as Record<string, unknown>[]));
    assert.equal(r.ok, true, `${name}: ${JSON.stringify(allProblems(r))}`);
  }
});

test('rule names must be unique across the policy and the packs it uses', () => {
  const clash = check(approved([fqdn('pkg-pypi-org', 'mirror.contoso.com')], { rule_packs: ['python_packages'] }));
  assert.equal(clash.ok, false);
  const p = allProblems(clash).find((x) => x.rule === 'rule-name-unique');
  assert.match(p?.message ?? '', /also added by rule pack "python_packages"/);
  assert.equal(p?.path, 'managed_network.outbound_rules[0] (name: pkg-pypi-org)');
  // Same name and same destination: the pack rule is skipped, nothing clashes.
  assert.equal(check(approved([fqdn('pkg-pypi-org', 'pypi.org')], { rule_packs: ['python_packages'] })).ok, true);
  // Names compare case-insensitively.
  assert.equal(check(approved([fqdn('PyPI', 'pypi.org'), fqdn('pypi', 'files.pythonhosted.org')])).ok, false);
  // Pack private-endpoint names count too, even though their target is only known per workspace.
  assert.equal(check(approved([pe('batch-storage-queue', STORAGE_ID, 'blob')], { rule_packs: ['batch_endpoints'] })).ok, false);
});
