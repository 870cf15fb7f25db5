import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem } from '../../src/policy/format';
import { loadPolicyFile, PolicyFileError } from '../../src/policy/load';
import { expandRulePackRules } from '../../src/policy/expand-rule-packs';

const root = join(__dirname, '..', '..');

test('examples/policy.yaml is valid and uses what it claims to', async () => {
  const r = await loadPolicyFile(join(root, 'examples/policy.yaml'));
  assert.equal(r.ok, true, r.ok ? '' : r.problems.map(formatProblem).join('\n'));
  if (!r.ok) return;
  const p = r.policy;
  assert.equal(p.managed_network.isolation_mode, 'allow_only_approved_outbound');
  assert.equal(p.managed_network.firewall_sku, 'standard');
  assert.deepEqual(p.rule_packs, ['python_packages', 'vscode']);
  assert.equal(p.compute_migration.mode, 'require_approval');
  const types = new Set(p.managed_network.outbound_rules.map((x) => x.type));
  assert.deepEqual([...types].sort(), ['fqdn', 'private_endpoint', 'service_tag']);
  assert.ok(p.managed_network.outbound_rules.some((x) => x.type === 'private_endpoint' && x.destination.spark_enabled));
  assert.ok(expandRulePackRules(p, {}).some((x) => x.type === 'fqdn' && x.destination === 'vscode.blob.core.windows.net'));
});

test('examples/policy-internet.yaml is valid', async () => {
  const r = await loadPolicyFile(join(root, 'examples/policy-internet.yaml'));
  assert.equal(r.ok, true, r.ok ? '' : r.problems.map(formatProblem).join('\n'));
  if (r.ok) assert.equal(r.policy.managed_network.isolation_mode, 'allow_internet_outbound');
});

test('examples/invalid/three-mistakes.yaml gives exactly three errors at once, and no warnings', async () => {
  const file = join(root, 'examples/invalid/three-mistakes.yaml');
  const r = await loadPolicyFile(file);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.problems.map((p) => p.rule), ['fqdn-ports', 'rule-name-unique', 'pe-target-type-supported']);
  assert.deepEqual(r.warnings, []);
  for (const p of r.problems) assert.match(formatProblem(p), new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ managed_network\\.outbound_rules\\[\\d\\] \\(name: [a-z-]+\\): .+ \\[[a-z-]+\\]$`));
});

test('every example outside invalid/ is valid', async () => {
  const files = (await readdir(join(root, 'examples'))).filter((f) => /\.(ya?ml|json)$/.test(f));
  assert.ok(files.length >= 2);
  for (const f of files) {
    const r = await loadPolicyFile(join(root, 'examples', f));
    assert.equal(r.ok, true, `${f}: ${r.ok ? '' : r.problems.map(formatProblem).join('\n')}`);
  }
});

test('a missing file throws a PolicyFileError, not a result', async () => {
  await assert.rejects(loadPolicyFile(join(root, 'examples/does-not-exist.yaml')), (e: unknown) => {
    assert.ok(e instanceof PolicyFileError);
    assert.equal(e.reason, 'not-found');
    assert.match(e.message, /policy file not found: .*does-not-exist\.yaml/);
    return true;
  });
  await assert.rejects(loadPolicyFile(join(root, 'examples')), (e: unknown) => e instanceof PolicyFileError && e.reason === 'is-directory');
});
