/**
 * Effective user rules: the policy's own rules plus the rules its packs add (names fixed by the catalog).
 * Pure; the planner calls it per workspace, validation calls it to check names across policy and packs.
 */
import { sameResourceId } from '../arm/resource-id';
import { RULE_PACKS, type PackRule } from '../catalog/rule-packs';
import type { Policy, PolicyOutboundRule, PolicyRulePackOptions } from './types';

export interface RulePackContext {
  /** Target of the batch_endpoints pack; without it that pack's rules are left out. */
  defaultStorageAccountId?: string;
  /** Packs limited to other kinds (hub-only packs) are left out. Unset: every pack applies. */
  workspaceKind?: string;
}

export type RuleOrigin = { kind: 'policy'; index: number } | { kind: 'pack'; pack: string };

export interface EffectiveRule {
  rule: PolicyOutboundRule;
  origin: RuleOrigin;
}

/** Validation wants every pack rule's name even where the target is only known at plan time. */
export const UNRESOLVED_TARGET = '(resolved per workspace)';

export interface ExpandInput {
  rules: ReadonlyArray<{ index: number; rule: PolicyOutboundRule }>;
  rulePacks: readonly string[];
  rulePackOptions: PolicyRulePackOptions;
  context: RulePackContext;
  /** Keep pack rules whose target is not known, with UNRESOLVED_TARGET as target. */
  keepUnresolved?: boolean;
}

function sameFqdn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function packTarget(rule: PackRule, pack: string, input: ExpandInput): string | undefined {
  if (rule.kind === 'private_endpoint_default_storage') return input.context.defaultStorageAccountId;
  if (rule.kind !== 'private_endpoint_resource_type' || rule.optionKey === undefined) return undefined;
  const options = (input.rulePackOptions as Record<string, Record<string, unknown> | undefined>)[pack];
  const id = options?.[rule.optionKey];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function toRule(rule: PackRule, pack: string, input: ExpandInput): PolicyOutboundRule | undefined {
  if (rule.kind === 'fqdn') return { name: rule.name, type: 'fqdn', destination: rule.destination };
  const target = packTarget(rule, pack, input) ?? (input.keepUnresolved ? UNRESOLVED_TARGET : undefined);
  if (target === undefined) return undefined;
  return {
    name: rule.name,
    type: 'private_endpoint',
    destination: { service_resource_id: target, subresource_target: rule.subresource, spark_enabled: false },
  };
}

/** True when an equivalent rule (same FQDN, or same PE target and subresource) is already in the list. */
function covered(rule: PolicyOutboundRule, existing: readonly EffectiveRule[]): boolean {
  return existing.some(({ rule: e }) => {
    if (rule.type === 'fqdn' && e.type === 'fqdn') return sameFqdn(rule.destination, e.destination);
    if (rule.type === 'private_endpoint' && e.type === 'private_endpoint') {
      return (
        rule.destination.service_resource_id !== UNRESOLVED_TARGET &&
        sameResourceId(rule.destination.service_resource_id, e.destination.service_resource_id) &&
        rule.destination.subresource_target.toLowerCase() === e.destination.subresource_target.toLowerCase()
      );
    }
    return false;
  });
}

export function expandRules(input: ExpandInput): EffectiveRule[] {
  const out: EffectiveRule[] = input.rules.map(({ index, rule }) => ({ rule, origin: { kind: 'policy', index } }));
  const seen = new Set<string>();
  for (const packName of input.rulePacks) {
    const pack = RULE_PACKS[packName];
    if (pack === undefined || seen.has(packName)) continue;
    seen.add(packName);
    const kind = input.context.workspaceKind;
    if (kind !== undefined && pack.kinds !== undefined && !pack.kinds.some((k) => k.toLowerCase() === kind.toLowerCase())) continue;
    for (const packRule of pack.rules) {
      const rule = toRule(packRule, packName, input);
      if (rule !== undefined && !covered(rule, out)) out.push({ rule, origin: { kind: 'pack', pack: packName } });
    }
  }
  return out;
}

/** The effective user rules of a validated policy for one workspace. */
export function expandRulePackRules(policy: Policy, ctx: RulePackContext): PolicyOutboundRule[] {
  return expandRules({
    rules: policy.managed_network.outbound_rules.map((rule, index) => ({ index, rule })),
    rulePacks: policy.rule_packs,
    rulePackOptions: policy.rule_pack_options,
    context: ctx,
  }).map((e) => e.rule);
}
