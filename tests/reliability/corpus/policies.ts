/**
 * Malformed policies: every one must be refused with a problem that names what is wrong. Each case gives the rule
 * id it must trip, the path (or part of it) the problem points at, and a needle the printed message must contain:
 * the offending key, value or constraint, so a person reading it knows what to fix.
 * Built as mutations of one valid policy, plus raw texts for what only the YAML layer can get wrong.
 */
import { stringify } from 'yaml';

export interface PolicyCase {
  name: string;
  text: string;
  rule: string;
  /** Substring of the problem's path ('' for document-level problems). */
  path: string;
  /** Substring (case-insensitive) of the formatted problem line. */
  needle: string;
}

const SUB = '00000000-0000-0000-0000-000000000001';
const STORAGE = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata`;
const VAULT = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.KeyVault/vaults/kv-data`;

function base(): Record<string, unknown> {
  return {
    name: 'corpus',
    scope: { subscriptions: [SUB], resource_groups: ['rg-ml'], workspace_kinds: ['Default'], tags: { env: 'prod' }, exclude: ['ws-sandbox'] },
    managed_network: {
      isolation_mode: 'allow_only_approved_outbound',
      outbound_rules: [
        { name: 'pypi', type: 'fqdn', destination: 'pypi.org' },
        { name: 'blob-data', type: 'private_endpoint', destination: { service_resource_id: STORAGE, subresource_target: 'blob', spark_enabled: false } },
      ],
    },
    provisioning: { provision_now: true },
    compute_migration: { mode: 'require_approval', max_parallel_deletes: 5 },
    drift: { mode: 'report' },
  };
}

/** The unmutated policy: the control case, which must be accepted. */
export function validPolicyText(): string {
  return stringify(base());
}

type Json = Record<string, unknown>;

/** The base policy with `edit` applied, as YAML. */
function edited(edit: (p: Json) => void): string {
  const p = base();
  edit(p);
  return stringify(p);
}

const net = (p: Json): Json => p['managed_network'] as Json;
const scope = (p: Json): Json => p['scope'] as Json;
const rules = (p: Json): Json[] => net(p)['outbound_rules'] as Json[];
const firstRule = (p: Json): Json => rules(p)[0] as Json;
const peRule = (p: Json): Json => rules(p)[1] as Json;
const peDest = (p: Json): Json => peRule(p)['destination'] as Json;
const section = (p: Json, key: string): Json => p[key] as Json;

const c = (name: string, rule: string, path: string, needle: string, edit: (p: Json) => void): PolicyCase => ({ name, text: edited(edit), rule, path, needle });
const raw = (name: string, rule: string, needle: string, text: string): PolicyCase => ({ name, text, rule, path: '', needle });

const VALID_TAIL = `scope:\n  subscriptions: [${SUB}]\nmanaged_network:\n  isolation_mode: allow_internet_outbound\n`;

export const POLICY_CORPUS: readonly PolicyCase[] = [
  // The YAML layer.
  raw('unclosed flow map', 'yaml-syntax', 'flow map', `name: x\nscope: {\n`),
  raw('tab indentation', 'yaml-syntax', 'tab', `name: x\nscope:\n\tsubscriptions: [${SUB}]\n`),
  raw('duplicate key', 'yaml-syntax', 'unique', `name: a\nname: b\n${VALID_TAIL}`),
  raw('unterminated double quote', 'yaml-syntax', 'quote', `name: "abc\n${VALID_TAIL}`),
  raw('alias to an unknown anchor', 'yaml-syntax', 'nope', `name: *nope\n${VALID_TAIL}`),
  raw('alias bomb', 'yaml-syntax', 'alias', ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', VALID_TAIL].join('\n')),
  raw('two documents', 'yaml-syntax', 'document', `${VALID_TAIL}---\n${VALID_TAIL}`),
  raw('a bare scalar', 'policy-not-mapping', 'mapping', 'just some words\n'),
  raw('a list', 'policy-not-mapping', 'list', `- ${SUB}\n`),
  raw('an empty file', 'policy-not-mapping', 'mapping', ''),
  raw('a null document', 'policy-not-mapping', 'mapping', '~\n'),
  raw('a number', 'policy-not-mapping', 'mapping', '42\n'),
  { name: 'JSON with a key and no value', rule: 'invalid-type', path: 'scope', needle: 'null', text: `{"name": "x", "scope": , "managed_network": {"isolation_mode": "disabled"}}` },
  raw('mapping key without value and bad nesting', 'yaml-syntax', '', 'name: x\n  scope: y\n: z\n'),

  // Schema: keys and types.
  c('scope missing', 'required-key', 'scope', 'scope', (p) => delete p['scope']),
  c('managed_network missing', 'required-key', 'managed_network', 'managed_network', (p) => delete p['managed_network']),
  c('misspelt top-level key', 'unknown-key', 'managed_netwrok', 'managed_netwrok', (p) => (p['managed_netwrok'] = {})),
  c('misspelt scope key', 'unknown-key', 'scope.subscription', 'subscription', (p) => (scope(p)['subscription'] = [SUB])),
  c('unknown key inside a rule', 'unknown-key', 'outbound_rules[0]', 'port', (p) => (firstRule(p)['port'] = 443)),
  c('subscriptions as a string', 'invalid-type', 'scope.subscriptions', 'subscriptions', (p) => (scope(p)['subscriptions'] = SUB)),
  c('subscriptions empty', 'invalid-value', 'scope.subscriptions', 'at least 1', (p) => (scope(p)['subscriptions'] = [])),
  c('tags as a list', 'invalid-type', 'scope.tags', 'tags', (p) => (scope(p)['tags'] = ['env=prod'])),
  c('unknown workspace kind', 'invalid-value', 'scope.workspace_kinds', 'Notebook', (p) => (scope(p)['workspace_kinds'] = ['Notebook'])),
  c('outbound_rules as a mapping', 'invalid-type', 'outbound_rules', 'outbound_rules', (p) => (net(p)['outbound_rules'] = { pypi: 'pypi.org' })),
  c('rule without a name', 'required-key', 'outbound_rules[0]', 'name', (p) => delete firstRule(p)['name']),
  c('rule without a destination', 'required-key', 'outbound_rules[0]', 'destination', (p) => delete firstRule(p)['destination']),
  c('policy name as a list', 'invalid-type', 'name', 'name', (p) => (p['name'] = ['a', 'b'])),
  c('provision_now as a sentence', 'invalid-type', 'provisioning.provision_now', 'provision_now', (p) => (section(p, 'provisioning')['provision_now'] = 'yes please')),
  c('approval timeout as text', 'invalid-type', 'compute_migration.approval_timeout_hours', 'approval_timeout_hours', (p) => (section(p, 'compute_migration')['approval_timeout_hours'] = 'two days')),
  c('service tag destination as a string', 'invalid-type', 'outbound_rules[0]', 'destination', (p) => (rules(p)[0] = { name: 'adf', type: 'service_tag', destination: 'DataFactory' })),
  c('private endpoint without subresource', 'required-key', 'outbound_rules[1]', 'subresource_target', (p) => delete peDest(p)['subresource_target']),
  c('approver_roles.assign as a quoted string', 'invalid-type', 'approver_roles.assign', 'assign', (p) => (p['approver_roles'] = { assign: 'true' })),

  // Values.
  c('isolation mode unknown', 'isolation-mode', 'isolation_mode', 'sometimes', (p) => (net(p)['isolation_mode'] = 'sometimes')),
  c('isolation mode as the ARM spelling', 'isolation-mode', 'isolation_mode', 'AllowOnlyApprovedOutbound', (p) => (net(p)['isolation_mode'] = 'AllowOnlyApprovedOutbound')),
  c('isolation mode as a number', 'isolation-mode', 'isolation_mode', 'isolation_mode', (p) => (net(p)['isolation_mode'] = 3)),
  c('firewall sku premium', 'firewall-sku', 'firewall_sku', 'premium', (p) => (net(p)['firewall_sku'] = 'premium')),
  c('compute migration mode unknown', 'invalid-value', 'compute_migration.mode', 'sometimes', (p) => (section(p, 'compute_migration')['mode'] = 'sometimes')),
  c('max_parallel_deletes zero', 'invalid-value', 'max_parallel_deletes', 'at least 1', (p) => (section(p, 'compute_migration')['max_parallel_deletes'] = 0)),
  c('max_parallel_deletes fractional', 'invalid-type', 'max_parallel_deletes', 'integer', (p) => (section(p, 'compute_migration')['max_parallel_deletes'] = 2.5)),
  c('drift mode unknown', 'invalid-value', 'drift.mode', 'fix', (p) => (section(p, 'drift')['mode'] = 'fix')),
  c('drift batch negative', 'invalid-value', 'drift.max_workspaces_per_run', 'max_workspaces_per_run', (p) => (section(p, 'drift')['max_workspaces_per_run'] = -1)),
  c('public network access maybe', 'invalid-value', 'public_network_access', 'maybe', (p) => (p['public_network_access'] = 'maybe')),
  c('provisioning timeout negative', 'invalid-value', 'provisioning.timeout_minutes', 'timeout_minutes', (p) => (section(p, 'provisioning')['timeout_minutes'] = -5)),
  c('image build compute name with spaces', 'image-build-compute-name', 'image_build_compute', 'bad name!', (p) => (p['image_build_compute'] = 'bad name!')),

  // Scope.
  c('subscription not a GUID', 'scope-subscription-guid', 'scope.subscriptions[0]', 'not-a-guid', (p) => (scope(p)['subscriptions'] = ['not-a-guid'])),
  c('subscription GUID with braces', 'scope-subscription-guid', 'scope.subscriptions[0]', '{', (p) => (scope(p)['subscriptions'] = [`{${SUB}}`])),
  c('resource group with spaces', 'scope-resource-group-name', 'scope.resource_groups[0]', 'rg with spaces', (p) => (scope(p)['resource_groups'] = ['rg with spaces'])),
  c('resource group of 91 characters', 'scope-resource-group-name', 'scope.resource_groups[0]', 'r'.repeat(20), (p) => (scope(p)['resource_groups'] = ['r'.repeat(91)])),
  c('resource group ending with a dot', 'scope-resource-group-name', 'scope.resource_groups[0]', 'rg-ml.', (p) => (scope(p)['resource_groups'] = ['rg-ml.'])),
  c('exclude with a broken id', 'resource-id-well-formed', 'scope.exclude[0]', 'subscription "x" is not a GUID', (p) => (scope(p)['exclude'] = ['/subscriptions/x/bad'])),

  // Rule names.
  c('rule name of one letter', 'rule-name-format', 'outbound_rules[0]', '"a"', (p) => (firstRule(p)['name'] = 'a')),
  c('rule name with a space', 'rule-name-format', 'outbound_rules[0]', 'py pi', (p) => (firstRule(p)['name'] = 'py pi')),
  c('rule name of 40 characters', 'rule-name-format', 'outbound_rules[0]', 'x'.repeat(40), (p) => (firstRule(p)['name'] = 'x'.repeat(40))),
  c('rule name starting with a dash', 'rule-name-format', 'outbound_rules[0]', '-pypi', (p) => (firstRule(p)['name'] = '-pypi')),
  c('two rules with one name', 'rule-name-unique', 'outbound_rules[1]', 'pypi', (p) => (peRule(p)['name'] = 'pypi')),
  c('rule type firewall', 'rule-type', 'outbound_rules[0]', 'firewall', (p) => (firstRule(p)['type'] = 'firewall')),

  // FQDN rules.
  c('FQDN with a scheme', 'fqdn-destination-valid', 'outbound_rules[0]', 'https://pypi.org', (p) => (firstRule(p)['destination'] = 'https://pypi.org')),
  c('FQDN with a path', 'fqdn-destination-valid', 'outbound_rules[0]', 'pypi.org/simple', (p) => (firstRule(p)['destination'] = 'pypi.org/simple')),
  c('FQDN empty', 'fqdn-destination-valid', 'outbound_rules[0]', 'destination', (p) => (firstRule(p)['destination'] = '')),
  c('FQDN with a wildcard in the middle', 'fqdn-destination-valid', 'outbound_rules[0]', 'a.*.com', (p) => (firstRule(p)['destination'] = 'a.*.com')),
  c('FQDN of 10,000 characters', 'fqdn-destination-valid', 'outbound_rules[0]', 'not a valid host name', (p) => (firstRule(p)['destination'] = `${'a'.repeat(10_000)}.com`)),
  c('FQDN with an IP and port', 'fqdn-ports', 'outbound_rules[0]', '8080', (p) => (firstRule(p)['destination'] = 'mirror.contoso.com:8080')),
  c('FQDN to blob storage in approved mode', 'fqdn-storage-in-approved-mode', 'outbound_rules[0]', 'blob.core.windows.net', (p) => (firstRule(p)['destination'] = 'stdata.blob.core.windows.net')),
  c('FQDN rule in internet outbound mode', 'rule-type-allowed-in-mode', 'outbound_rules[0]', 'fqdn', (p) => (net(p)['isolation_mode'] = 'allow_internet_outbound')),

  // Service tags.
  c('service tag name with spaces', 'service-tag-name', 'outbound_rules[0]', 'Data Factory!', (p) => (rules(p)[0] = { name: 'tag-rule', type: 'service_tag', destination: { service_tag: 'Data Factory!', protocol: 'TCP', port_ranges: '443' } })),
  c('service tag protocol ICMPX', 'service-tag-protocol', 'outbound_rules[0]', 'ICMPX', (p) => (rules(p)[0] = { name: 'tag-rule', type: 'service_tag', destination: { service_tag: 'DataFactory', protocol: 'ICMPX', port_ranges: '443' } })),
  c('service tag port 70000', 'service-tag-port-ranges', 'outbound_rules[0]', '70000', (p) => (rules(p)[0] = { name: 'tag-rule', type: 'service_tag', destination: { service_tag: 'DataFactory', protocol: 'TCP', port_ranges: '70000' } })),
  c('service tag ports as words', 'service-tag-port-ranges', 'outbound_rules[0]', 'https', (p) => (rules(p)[0] = { name: 'tag-rule', type: 'service_tag', destination: { service_tag: 'DataFactory', protocol: 'TCP', port_ranges: 'https' } })),
  c('service tag reversed range', 'service-tag-port-ranges', 'outbound_rules[0]', '9000-8000', (p) => (rules(p)[0] = { name: 'tag-rule', type: 'service_tag', destination: { service_tag: 'DataFactory', protocol: 'TCP', port_ranges: '9000-8000' } })),

  // Private endpoints.
  c('private endpoint id not an ARM id', 'resource-id-well-formed', 'outbound_rules[1]', 'storage-account-please', (p) => (peDest(p)['service_resource_id'] = 'storage-account-please')),
  c('private endpoint id without a name', 'resource-id-well-formed', 'outbound_rules[1]', 'storageAccounts', (p) => (peDest(p)['service_resource_id'] = `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts`)),
  c('private endpoint to an unsupported type', 'pe-target-type-supported', 'outbound_rules[1]', 'Microsoft.Web/sites', (p) => (peDest(p)['service_resource_id'] = `/subscriptions/${SUB}/resourceGroups/rg-apps/providers/Microsoft.Web/sites/app`)),
  c('storage private endpoint to a vault subresource', 'pe-subresource-valid', 'outbound_rules[1]', 'vault', (p) => (peDest(p)['subresource_target'] = 'vault')),
  c('spark on a key vault private endpoint', 'spark-only-storage', 'outbound_rules[1]', 'spark', (p) => (rules(p)[1] = { name: 'kv-rule', type: 'private_endpoint', destination: { service_resource_id: VAULT, subresource_target: 'vault', spark_enabled: true } })),
  c('private endpoint in disabled mode', 'mode-disabled-with-rules', 'outbound_rules', 'disabled', (p) => (net(p)['isolation_mode'] = 'disabled')),

  // Rule packs and provisioning.
  c('unknown rule pack', 'rule-pack-unknown', 'rule_packs[0]', 'tensorflow_hub', (p) => (p['rule_packs'] = ['tensorflow_hub'])),
  c('rule packs in internet mode', 'rule-packs-need-approved-mode', 'rule_packs', 'python_packages', (p) => {
    net(p)['isolation_mode'] = 'allow_internet_outbound';
    net(p)['outbound_rules'] = [];
    p['rule_packs'] = ['python_packages'];
  }),
  c('prompt flow pack without its targets', 'prompt-flow-targets', 'rule_packs[0]', 'ai_services_resource_id', (p) => (p['rule_packs'] = ['prompt_flow'])),
  c('spark without a storage private endpoint', 'spark-needs-pe-storage-rule', 'include_spark', 'spark', (p) => {
    section(p, 'provisioning')['include_spark'] = true;
    net(p)['outbound_rules'] = [{ name: 'pypi', type: 'fqdn', destination: 'pypi.org' }];
  }),
];
