import type { FirewallSku, IsolationMode } from '../arm/types';

/** Policy names of the rule types, mapped to the ARM values. */
export const RULE_TYPES = {
  fqdn: 'FQDN',
  service_tag: 'ServiceTag',
  private_endpoint: 'PrivateEndpoint',
} as const;
export type PolicyRuleType = keyof typeof RULE_TYPES;
export type ArmRuleType = (typeof RULE_TYPES)[PolicyRuleType];

/** Which user rule types each mode accepts. ServiceTag and FQDN only in approved-outbound mode. */
export const RULE_TYPES_ALLOWED_BY_MODE: Record<IsolationMode, readonly ArmRuleType[]> = {
  Disabled: [],
  AllowInternetOutbound: ['PrivateEndpoint'],
  AllowOnlyApprovedOutbound: ['PrivateEndpoint', 'ServiceTag', 'FQDN'],
};

/** FQDN rules support these ports only. */
export const FQDN_ALLOWED_PORTS: readonly number[] = [80, 443];

/**
 * Azure Storage host suffixes an FQDN rule may not reach in approved-outbound mode (a private endpoint is required).
 */
export const STORAGE_FQDN_SUFFIXES: readonly string[] = [
  '.blob.core.windows.net',
  '.file.core.windows.net',
  '.dfs.core.windows.net',
  '.queue.core.windows.net',
  '.table.core.windows.net',
  '.web.core.windows.net',
];

/**
 * Microsoft-owned storage hosts that documented rule packs use (VS Code's blob host is not customer storage),
 * exempt from the storage-FQDN rule.
 */
export const STORAGE_FQDN_EXEMPTIONS: readonly string[] = ['vscode.blob.core.windows.net'];

/**
 * The storage suffix an FQDN destination reaches, if any: the host ends with it, or a wildcard covers it
 * (`*.core.windows.net` reaches every storage suffix). `host` is the destination without a port, possibly with a
 * leading `*.`; case is ignored. The documented Microsoft-owned exemptions reach nothing.
 */
export function storageSuffixReached(host: string): string | undefined {
  const lower = host.toLowerCase();
  if (STORAGE_FQDN_EXEMPTIONS.includes(lower)) return undefined;
  const wildcard = lower.startsWith('*.');
  const base = wildcard ? lower.slice(2) : lower;
  return STORAGE_FQDN_SUFFIXES.find((suffix) => `.${base}`.endsWith(suffix) || (wildcard && suffix.endsWith(`.${base}`)));
}

/** Rule names: `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$` (arm-contract.md). */
export const RULE_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;
export const WORKSPACE_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/;

/** Firewall SKUs the managed network accepts; Premium is not supported (so URL filtering is not available). */
export const FIREWALL_SKUS = { standard: 'Standard', basic: 'Basic' } as const satisfies Record<string, FirewallSku>;
export const DEFAULT_FIREWALL_SKU: FirewallSku = 'Standard';

/** Service-tag rule protocols accepted by the service. */
export const SERVICE_TAG_PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'ICMP', '*'];

/** Only user-defined rules are the product's to add, change or remove. */
export const PRODUCT_OWNED_RULE_CATEGORY = 'UserDefined';
