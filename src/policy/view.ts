/**
 * The parts of a policy that passed the schema, section by section, so semantic rules can still run on them
 * when another part is broken: every problem is reported at once.
 */
import type { z } from 'zod';
import type { PolicyIsolationMode } from '../catalog/isolation-modes';
import { FQDN_ALLOWED_PORTS } from '../catalog/outbound-rules';
import type { Policy, PolicyOutboundRule } from './types';
import { valueAt } from './paths';
import { FirewallSkuSchema, IsolationModeSchema, OutboundRuleSchema, PolicySections } from './schema';

export interface IndexedRule {
  /** Position in `managed_network.outbound_rules`. */
  index: number;
  rule: PolicyOutboundRule;
  /** As written (az ml show output carries it); the product always creates user-defined rules. */
  category?: string;
}

type Sections = typeof PolicySections;
type SectionValue<K extends keyof Sections> = z.output<Sections[K]>;

export interface PolicyView {
  raw: unknown;
  scope?: Policy['scope'];
  mode?: PolicyIsolationMode;
  firewallSku?: 'standard' | 'basic';
  rules: IndexedRule[];
  /** How many rules the file lists, valid or not. */
  ruleCount: number;
  /** Every rule passed the schema, so checks like "some rule enables spark" are sound. */
  rulesComplete: boolean;
  rulePacks?: string[];
  rulePackOptions?: Policy['rule_pack_options'];
  provisioning?: Policy['provisioning'];
  computeMigration?: Policy['compute_migration'];
  approverRoles?: Policy['approver_roles'];
  /** undefined: unset or invalid; see `publicNetworkAccessValid`. */
  publicNetworkAccess?: 'enabled' | 'disabled';
  publicNetworkAccessValid: boolean;
  imageBuildCompute?: string;
  drift?: Policy['drift'];
}

function section<K extends keyof Sections>(raw: unknown, key: K): SectionValue<K> | undefined {
  const r = PolicySections[key].safeParse(valueAt(raw, [key]));
  return r.success ? (r.data as SectionValue<K>) : undefined;
}

function stripCategory(rule: z.output<typeof OutboundRuleSchema>): IndexedRule['rule'] {
  const { category: _category, ...rest } = rule;
  return rest as PolicyOutboundRule;
}

export function buildView(raw: unknown): PolicyView {
  const rawRules = valueAt(raw, ['managed_network', 'outbound_rules']);
  const list = Array.isArray(rawRules) ? rawRules : [];
  const rules: IndexedRule[] = [];
  list.forEach((item, index) => {
    const r = OutboundRuleSchema.safeParse(item);
    if (r.success) {
      const entry: IndexedRule = { index, rule: stripCategory(r.data) };
      if (r.data.category !== undefined) entry.category = r.data.category;
      rules.push(entry);
    }
  });
  const mode = IsolationModeSchema.safeParse(valueAt(raw, ['managed_network', 'isolation_mode']));
  const sku = FirewallSkuSchema.safeParse(valueAt(raw, ['managed_network', 'firewall_sku']));
  const pna = PolicySections.public_network_access.safeParse(valueAt(raw, ['public_network_access']));
  return {
    raw,
    scope: section(raw, 'scope'),
    mode: mode.success ? mode.data : undefined,
    firewallSku: sku.success ? sku.data : undefined,
    rules,
    ruleCount: list.length,
    rulesComplete: (rawRules === undefined || rawRules === null || Array.isArray(rawRules)) && rules.length === list.length,
    rulePacks: section(raw, 'rule_packs'),
    rulePackOptions: section(raw, 'rule_pack_options'),
    provisioning: section(raw, 'provisioning'),
    computeMigration: section(raw, 'compute_migration'),
    approverRoles: section(raw, 'approver_roles'),
    publicNetworkAccess: pna.success ? pna.data : undefined,
    publicNetworkAccessValid: pna.success,
    imageBuildCompute: section(raw, 'image_build_compute'),
    drift: section(raw, 'drift'),
  };
}

/**
 * FQDN rules have no port field in ARM: the firewall allows 80 and 443 for every FQDN. A written `:80`/`:443`
 * (validated by fqdn-ports) is dropped so the model holds the destination the service stores.
 */
function withoutFqdnPort(rule: PolicyOutboundRule): PolicyOutboundRule {
  if (rule.type !== 'fqdn') return rule;
  const m = /^(.*):(\d+)$/.exec(rule.destination);
  if (m === null || !FQDN_ALLOWED_PORTS.includes(Number(m[2]))) return rule;
  return { ...rule, destination: m[1] as string };
}

/** The final policy from the parsed file (rule `category` dropped: it is not part of the model). */
export function toPolicy(data: z.output<typeof import('./schema').PolicySchema>, defaultName: string): Policy {
  const policy: Policy = {
    name: data.name ?? defaultName,
    scope: data.scope,
    managed_network: {
      isolation_mode: data.managed_network.isolation_mode,
      outbound_rules: data.managed_network.outbound_rules.map((r) => withoutFqdnPort(stripCategory(r))),
    },
    rule_packs: data.rule_packs,
    rule_pack_options: data.rule_pack_options,
    provisioning: data.provisioning,
    compute_migration: data.compute_migration,
    approver_roles: data.approver_roles,
    drift: data.drift,
  };
  if (data.managed_network.firewall_sku !== undefined) policy.managed_network.firewall_sku = data.managed_network.firewall_sku;
  if (data.public_network_access !== undefined) policy.public_network_access = data.public_network_access;
  if (data.image_build_compute !== undefined) policy.image_build_compute = data.image_build_compute;
  return policy;
}
