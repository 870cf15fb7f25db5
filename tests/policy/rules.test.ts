/**
 * Every validation rule id has a failing and a passing case. The pass case differs from the fail case only in
 * the detail the rule is about, so a rule that fires too often fails here too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicyText } from '../../src/policy/parse';
import { POLICY_RULES, POLICY_RULE_IDS, type PolicyRuleId } from '../../src/policy/rule-ids';
import type { PolicyLoadResult } from '../../src/policy/types';
import {
  AI_SEARCH_ID, AI_SERVICES_ID, FACTORY_ID, KEYVAULT_ID, STORAGE_ID, SUB1, WORKSPACE_ID,
  approved, check, fqdn, mn, pe, policy, resourceId, tag, type Raw,
} from './helpers';

type Input = Raw | { text: string };
const run = (input: Input): PolicyLoadResult =>
  'text' in input && typeof input.text === 'string' ? parsePolicyText(input.text, 'case.yaml') : check(input);

const spark = { provisioning: { include_spark: true }, public_network_access: 'disabled' };
const VALID_TEXT = `scope: {subscriptions: ['${SUB1}']}\nmanaged_network: {isolation_mode: disabled}\n`;

const CASES: Record<PolicyRuleId, { fail: Input; pass: Input }> = {
  'yaml-syntax': { fail: { text: 'scope: [\n' }, pass: { text: VALID_TEXT } },
  'policy-not-mapping': { fail: { text: '- scope\n- managed_network\n' }, pass: { text: VALID_TEXT } },
  'unknown-key': { fail: policy({ drfit: { mode: 'report' } }), pass: policy({ drift: { mode: 'report' } }) },
  'required-key': { fail: { managed_network: mn('disabled') }, pass: policy() },
  'invalid-type': { fail: policy({ provisioning: { include_spark: 'yes' } }), pass: policy({ provisioning: { include_spark: false } }) },
  'invalid-value': { fail: policy({ drift: { mode: 'fix' } }), pass: policy({ drift: { mode: 'remediate' } }) },
  'isolation-mode': { fail: policy({ managed_network: mn('AllowOnlyApprovedOutbound') }), pass: policy({ managed_network: mn('allow_only_approved_outbound') }) },
  'rule-type': { fail: approved([{ name: 'pypi', type: 'FQDN', destination: 'pypi.org' }]), pass: approved([fqdn('pypi', 'pypi.org')]) },
  'firewall-sku': {
    fail: policy({ managed_network: mn('allow_only_approved_outbound', [], { firewall_sku: 'premium' }) }),
    pass: policy({ managed_network: mn('allow_only_approved_outbound', [], { firewall_sku: 'basic' }) }),
  },
  'mode-disabled-with-rules': {
    fail: policy({ managed_network: mn('disabled', [pe('data', STORAGE_ID)]) }),
    pass: policy({ managed_network: mn('disabled', []) }),
  },
  'rule-type-allowed-in-mode': {
    fail: policy({ managed_network: mn('allow_internet_outbound', [fqdn('pypi', 'pypi.org')]) }),
    pass: policy({ managed_network: mn('allow_internet_outbound', [pe('data', STORAGE_ID)]) }),
  },
  'firewall-sku-needs-approved-mode': {
    fail: policy({ managed_network: mn('allow_internet_outbound', [], { firewall_sku: 'basic' }) }),
    pass: policy({ managed_network: mn('allow_only_approved_outbound', [], { firewall_sku: 'basic' }) }),
  },
  'hub-needs-managed-network': {
    fail: policy({ scope: { subscriptions: [SUB1], workspace_kinds: ['Hub'] }, managed_network: mn('disabled') }),
    pass: policy({ scope: { subscriptions: [SUB1], workspace_kinds: ['Hub'] }, managed_network: mn('allow_internet_outbound') }),
  },
  'rule-name-format': { fail: approved([fqdn('p', 'pypi.org')]), pass: approved([fqdn('pyp', 'pypi.org')]) },
  'rule-name-unique': {
    fail: approved([fqdn('pypi', 'pypi.org'), fqdn('pypi', 'files.pythonhosted.org')]),
    pass: approved([fqdn('pypi', 'pypi.org'), fqdn('pypi-files', 'files.pythonhosted.org')]),
  },
  'rule-category-user-defined': {
    fail: approved([{ ...fqdn('contoso', 'contoso.com'), category: 'required' }]),
    pass: approved([{ ...fqdn('contoso', 'contoso.com'), category: 'user_defined' }]),
  },
  'fqdn-destination-valid': { fail: approved([fqdn('pypi', 'https://pypi.org')]), pass: approved([fqdn('pypi', 'pypi.org')]) },
  'fqdn-ports': { fail: approved([fqdn('pypi', 'pypi.org:8080')]), pass: approved([fqdn('pypi', 'pypi.org:443')]) },
  'fqdn-storage-in-approved-mode': {
    fail: approved([fqdn('blobs', '*.blob.core.windows.net')]),
    pass: approved([fqdn('vscode-blob', 'vscode.blob.core.windows.net')]),
  },
  'fqdn-duplicate-destination': {
    fail: approved([fqdn('pypi', 'pypi.org'), fqdn('pypi2', 'PyPI.org')]),
    pass: approved([fqdn('pypi', 'pypi.org'), fqdn('pypi2', 'test.pypi.org')]),
  },
  'service-tag-name': { fail: approved([tag('adf', 'Data Factory')]), pass: approved([tag('adf', 'DataFactory.westeurope')]) },
  'service-tag-protocol': { fail: approved([tag('adf', 'DataFactory', 'HTTP')]), pass: approved([tag('adf', 'DataFactory', 'udp')]) },
  'service-tag-port-ranges': {
    fail: approved([tag('adf', 'DataFactory', 'TCP', '8010-8000')]),
    pass: approved([tag('adf', 'DataFactory', 'TCP', '80, 8000-8010')]),
  },
  'service-tag-required-duplicate': {
    fail: approved([tag('batch', 'BatchNodeManagement.westeurope')]),
    pass: approved([tag('adf', 'DataFactory')]),
  },
  'service-tag-tenant-isolation': { fail: approved([tag('adf', 'DataFactory')]), pass: approved([pe('adf', FACTORY_ID, 'dataFactory')]) },
  'resource-id-well-formed': {
    fail: approved([pe('data', '/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/x')]),
    pass: approved([pe('data', STORAGE_ID)]),
  },
  'pe-target-type-supported': {
    fail: approved([pe('web', resourceId('Microsoft.Web/sites', 'app1'), 'sites')]),
    pass: approved([pe('sql', resourceId('Microsoft.Sql/servers', 'sql1'), 'sqlServer')]),
  },
  'pe-subresource-valid': { fail: approved([pe('data', STORAGE_ID, 'vault')]), pass: approved([pe('data', STORAGE_ID, 'dfs')]) },
  'spark-only-storage': { fail: approved([pe('kv', KEYVAULT_ID, 'vault', true)]), pass: approved([pe('data', STORAGE_ID, 'blob', true)]) },
  'pe-duplicate-target': {
    fail: approved([pe('data', STORAGE_ID, 'blob'), pe('data2', STORAGE_ID.toUpperCase(), 'BLOB')]),
    pass: approved([pe('data', STORAGE_ID, 'blob'), pe('data2', STORAGE_ID, 'file')]),
  },
  'approver-role-uncovered-type': {
    fail: approved([pe('adf', FACTORY_ID, 'dataFactory')], { approver_roles: { custom_role_for_uncovered_types: false } }),
    pass: approved([pe('adf', FACTORY_ID, 'dataFactory')], { approver_roles: { custom_role_for_uncovered_types: true } }),
  },
  'approver-roles-not-assigned': {
    fail: approved([pe('data', STORAGE_ID)], { approver_roles: { assign: false } }),
    pass: approved([pe('data', STORAGE_ID)], { approver_roles: { assign: true } }),
  },
  'rule-pack-unknown': { fail: policy({ rule_packs: ['pyton_packages'] }), pass: policy({ rule_packs: ['python_packages'] }) },
  'rule-pack-duplicate': { fail: policy({ rule_packs: ['vscode', 'vscode'] }), pass: policy({ rule_packs: ['vscode', 'huggingface'] }) },
  'rule-packs-need-approved-mode': {
    fail: policy({ managed_network: mn('allow_internet_outbound'), rule_packs: ['vscode'] }),
    pass: policy({ managed_network: mn('allow_internet_outbound'), rule_packs: ['batch_endpoints'] }),
  },
  'rule-pack-kind': {
    fail: policy({ scope: { subscriptions: [SUB1], workspace_kinds: ['Default'] }, rule_packs: ['vscode_hub'] }),
    pass: policy({ scope: { subscriptions: [SUB1], workspace_kinds: ['Default', 'Hub'] }, rule_packs: ['vscode_hub'] }),
  },
  'prompt-flow-targets': {
    fail: policy({ rule_packs: ['prompt_flow'], rule_pack_options: { prompt_flow: { ai_services_resource_id: AI_SERVICES_ID } } }),
    pass: policy({
      rule_packs: ['prompt_flow'],
      rule_pack_options: { prompt_flow: { ai_services_resource_id: AI_SERVICES_ID, ai_search_resource_id: AI_SEARCH_ID } },
    }),
  },
  'rule-pack-options-unused': {
    fail: policy({ rule_packs: [], rule_pack_options: { prompt_flow: { ai_services_resource_id: AI_SERVICES_ID, ai_search_resource_id: AI_SEARCH_ID } } }),
    pass: policy({
      rule_packs: ['prompt_flow'],
      rule_pack_options: { prompt_flow: { ai_services_resource_id: AI_SERVICES_ID, ai_search_resource_id: AI_SEARCH_ID } },
    }),
  },
  'spark-needs-pe-storage-rule': {
    fail: approved([pe('data', STORAGE_ID, 'blob', false)], spark),
    pass: approved([pe('data', STORAGE_ID, 'blob', true)], spark),
  },
  'spark-needs-public-access-disabled': {
    fail: approved([pe('data', STORAGE_ID, 'blob', true)], { ...spark, public_network_access: 'enabled' }),
    pass: approved([pe('data', STORAGE_ID, 'blob', true)], spark),
  },
  'provisioning-timeout-short': {
    fail: approved([fqdn('pypi', 'pypi.org')], { provisioning: { timeout_minutes: 35 } }),
    pass: approved([pe('data', STORAGE_ID)], { provisioning: { timeout_minutes: 35 } }),
  },
  'provision-now-recommended': { fail: policy({ provisioning: { provision_now: false } }), pass: policy({ provisioning: { provision_now: true } }) },
  'scope-subscription-guid': { fail: policy({ scope: { subscriptions: ['prod-sub'] } }), pass: policy({ scope: { subscriptions: [SUB1] } }) },
  'scope-resource-group-name': {
    fail: policy({ scope: { subscriptions: [SUB1], resource_groups: ['rg-ml.'] } }),
    pass: policy({ scope: { subscriptions: [SUB1], resource_groups: ['rg-ml.prod_(1)'] } }),
  },
  'scope-exclude-valid': {
    fail: policy({ scope: { subscriptions: [SUB1], exclude: [STORAGE_ID, 'x'] } }),
    pass: policy({ scope: { subscriptions: [SUB1], exclude: [WORKSPACE_ID, 'ws-sandbox'] } }),
  },
  'project-governed-through-hub': {
    fail: policy({ scope: { subscriptions: [SUB1], workspace_kinds: ['Project'] } }),
    pass: policy({ scope: { subscriptions: [SUB1], workspace_kinds: ['Hub', 'Project'] } }),
  },
  'image-build-compute-name': { fail: policy({ image_build_compute: '1-cluster' }), pass: policy({ image_build_compute: 'cpu-cluster' }) },
};

test('every rule id in the registry has a case here, and nothing else', () => {
  assert.deepEqual(Object.keys(CASES).sort(), [...POLICY_RULE_IDS].sort());
});

for (const id of POLICY_RULE_IDS) {
  const { fail, pass } = CASES[id];
  const severity = POLICY_RULES[id].severity;

  test(`${id}: fails`, () => {
    const r = run(fail);
    const errors = r.ok ? [] : r.problems.map((p) => p.rule);
    const warnings = (r.warnings ?? []).map((p) => p.rule);
    if (severity === 'error') assert.ok(errors.includes(id), `expected error ${id}, got ${JSON.stringify([...errors, ...warnings])}`);
    else if (severity === 'warning') {
      assert.ok(warnings.includes(id), `expected warning ${id}, got ${JSON.stringify([...errors, ...warnings])}`);
      assert.ok(!errors.includes(id));
    } else assert.ok(errors.includes(id) || warnings.includes(id));
    for (const rule of [...errors, ...warnings]) assert.ok(rule in POLICY_RULES, `unregistered rule id ${rule}`);
  });

  test(`${id}: passes`, () => {
    const r = run(pass);
    const rules = [...(r.ok ? [] : r.problems), ...(r.warnings ?? [])].map((p) => p.rule);
    assert.ok(!rules.includes(id), `did not expect ${id}`);
    if (severity === 'error') assert.equal(r.ok, true, JSON.stringify(r.ok ? [] : r.problems));
  });
}
