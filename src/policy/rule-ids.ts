/**
 * Every validation rule id, its severity and the fact it encodes. docs/policy.md lists the same table; a test
 * checks each id has a failing and a passing case.
 */
export interface RuleInfo {
  severity: 'error' | 'warning' | 'error or warning';
  /** Where the rule comes from: a section of the facts page, or the file format. */
  source: string;
}

export const POLICY_RULES = {
  // File format and schema
  'yaml-syntax': { severity: 'error', source: 'file format' },
  'policy-not-mapping': { severity: 'error', source: 'file format' },
  'unknown-key': { severity: 'error', source: 'schema' },
  'required-key': { severity: 'error', source: 'schema' },
  'invalid-type': { severity: 'error', source: 'schema' },
  'invalid-value': { severity: 'error', source: 'schema' },
  'isolation-mode': { severity: 'error', source: 'Isolation modes' },
  'rule-type': { severity: 'error', source: 'Outbound rules (types)' },
  'firewall-sku': { severity: 'error', source: 'Outbound rules (firewall: Standard or Basic, Premium not supported)' },
  // Mode
  'mode-disabled-with-rules': { severity: 'error', source: 'Isolation modes (Disabled: no managed network)' },
  'rule-type-allowed-in-mode': { severity: 'error', source: 'Outbound rules (ServiceTag and FQDN only in AllowOnlyApprovedOutbound)' },
  'firewall-sku-needs-approved-mode': { severity: 'warning', source: 'Outbound rules (the first FQDN rule creates the firewall)' },
  'hub-needs-managed-network': { severity: 'warning', source: 'Other prerequisites (hubs: only managed network)' },
  // Names
  'rule-name-format': { severity: 'error', source: 'arm-contract.md (rule names)' },
  'rule-name-unique': { severity: 'error', source: 'Outbound rules (names unique per workspace)' },
  'rule-category-user-defined': { severity: 'warning', source: 'Outbound rules (only user-defined rules are the product\'s)' },
  // FQDN
  'fqdn-destination-valid': { severity: 'error', source: 'Outbound rules (FQDN: host name, leading wildcard allowed)' },
  'fqdn-ports': { severity: 'error', source: 'Outbound rules (FQDN ports 80 and 443 only)' },
  'fqdn-storage-in-approved-mode': { severity: 'error', source: 'Outbound rules (no FQDN to Azure Storage in approved mode)' },
  'fqdn-duplicate-destination': { severity: 'warning', source: 'Outbound rules' },
  // Service tags
  'service-tag-name': { severity: 'error', source: 'Outbound rules (ServiceTag)' },
  'service-tag-protocol': { severity: 'error', source: 'Outbound rules (ServiceTag protocol)' },
  'service-tag-port-ranges': { severity: 'error', source: 'Outbound rules (ServiceTag portRanges)' },
  'service-tag-required-duplicate': { severity: 'warning', source: 'Required rules' },
  'service-tag-tenant-isolation': { severity: 'warning', source: 'Outbound rules (service tags alone are not tenant isolation)' },
  // Private endpoints
  'resource-id-well-formed': { severity: 'error', source: 'arm-contract.md (resource ids)' },
  'pe-target-type-supported': { severity: 'error', source: 'Private endpoint targets' },
  'pe-subresource-valid': { severity: 'error', source: 'Private endpoint targets' },
  'spark-only-storage': { severity: 'error', source: 'Provisioning (Spark: storage private endpoint)' },
  'pe-duplicate-target': { severity: 'warning', source: 'Outbound rules' },
  'approver-role-uncovered-type': { severity: 'warning', source: 'Approval of private endpoints (types not covered)' },
  'approver-roles-not-assigned': { severity: 'warning', source: 'Approval of private endpoints (not automatic)' },
  // Rule packs
  'rule-pack-unknown': { severity: 'error', source: 'Scenario rule packs' },
  'rule-pack-duplicate': { severity: 'warning', source: 'Scenario rule packs' },
  'rule-packs-need-approved-mode': { severity: 'error', source: 'Scenario rule packs (approved-outbound mode)' },
  'rule-pack-kind': { severity: 'warning', source: 'Scenario rule packs (hub-only packs)' },
  'prompt-flow-targets': { severity: 'error', source: 'Scenario rule packs (prompt flow)' },
  'rule-pack-options-unused': { severity: 'warning', source: 'Scenario rule packs' },
  // Provisioning
  'spark-needs-pe-storage-rule': { severity: 'error', source: 'Provisioning (serverless Spark)' },
  'spark-needs-public-access-disabled': { severity: 'error or warning', source: 'Provisioning (serverless Spark)' },
  'provisioning-timeout-short': { severity: 'warning', source: 'Provisioning (~30 min, +10 for the first FQDN rule)' },
  'provision-now-recommended': { severity: 'warning', source: 'Provisioning (first compute can time out)' },
  // Scope and other settings
  'scope-subscription-guid': { severity: 'error', source: 'arm-contract.md (subscription ids)' },
  'scope-resource-group-name': { severity: 'error', source: 'ARM naming' },
  'scope-exclude-valid': { severity: 'error', source: 'arm-contract.md (workspace ids and names)' },
  'project-governed-through-hub': { severity: 'warning', source: 'Other prerequisites (projects use the hub\'s network)' },
  'image-build-compute-name': { severity: 'error', source: 'Other prerequisites (imageBuildCompute)' },
} as const satisfies Record<string, RuleInfo>;

export type PolicyRuleId = keyof typeof POLICY_RULES;
export const POLICY_RULE_IDS = Object.keys(POLICY_RULES) as PolicyRuleId[];
