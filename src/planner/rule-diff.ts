/**
 * Desired user rules (policy + rule packs) against the workspace's rules, by name. Only user-defined rules are
 * the product's: Required / Recommended / Dependency rules belong to the service and are never touched.
 */
import type { FirewallSku, IsolationMode, OutboundRule, PrivateEndpointDestination } from '../arm/types';
import { PRODUCT_OWNED_RULE_CATEGORY, RULE_TYPES_ALLOWED_BY_MODE } from '../catalog/outbound-rules';
import type { PolicyOutboundRule } from '../policy/types';
import { describeDestination, ruleDifferences, toArmRule } from './arm-rule';
import { flags, stepId } from './steps';
import { emptyPartial, type PartialPlan } from './types';

export interface RuleDiffInput {
  desired: readonly PolicyOutboundRule[];
  actual: Readonly<Record<string, OutboundRule>>;
  desiredMode: IsolationMode;
  firewallSku: FirewallSku;
}

export interface RuleDiff extends PartialPlan {
  /** No FQDN rule existed and the plan adds one: an Azure Firewall gets created. */
  addsFirstFqdnRule: boolean;
  /** Private endpoint destinations of the rules the plan adds or changes (they need approval on the target). */
  newPrivateEndpoints: PrivateEndpointDestination[];
}

function isOwned(rule: OutboundRule): boolean {
  return rule.category === PRODUCT_OWNED_RULE_CATEGORY;
}

export function diffRules(input: RuleDiffInput): RuleDiff {
  const out: RuleDiff = { ...emptyPartial(), addsFirstFqdnRule: false, newPrivateEndpoints: [] };
  const allowed = RULE_TYPES_ALLOWED_BY_MODE[input.desiredMode];

  // Guards: a validated policy never trips these, but a plan must never ask the service for something it refuses.
  const desiredByName = new Map<string, { name: string; rule: OutboundRule }>();
  for (const policyRule of input.desired) {
    const rule = toArmRule(policyRule);
    if (!allowed.includes(rule.type)) {
      out.refused = {
        rule: 'rule-type-not-allowed',
        reason: `Rule "${policyRule.name}" is a ${rule.type} rule, which ${input.desiredMode} does not accept (allowed: ${allowed.join(', ') || 'none'}).`,
      };
      return out;
    }
    const key = policyRule.name.toLowerCase();
    if (desiredByName.has(key)) {
      out.refused = { rule: 'duplicate-rule-name', reason: `The policy defines rule "${policyRule.name}" more than once (rule names are unique per workspace).` };
      return out;
    }
    desiredByName.set(key, { name: policyRule.name, rule });
  }

  const actualByName = new Map<string, { name: string; rule: OutboundRule }>();
  let hasFqdnRule = false;
  for (const [name, rule] of Object.entries(input.actual)) {
    actualByName.set(name.toLowerCase(), { name, rule });
    if (rule.type === 'FQDN' && rule.status !== 'Deleting') hasFqdnRule = true;
  }

  const adds: PartialPlan['steps'] = [];
  const updates: PartialPlan['steps'] = [];
  const removes: PartialPlan['steps'] = [];

  for (const [key, want] of desiredByName) {
    const have = actualByName.get(key);
    if (have === undefined) {
      const first = want.rule.type === 'FQDN' && !hasFqdnRule && !out.addsFirstFqdnRule;
      if (first) out.addsFirstFqdnRule = true;
      if (want.rule.type === 'PrivateEndpoint') out.newPrivateEndpoints.push(want.rule.destination);
      const id = stepId('add-rule', want.name);
      adds.push({
        id,
        kind: 'add-rule',
        target: want.name,
        reason: `the policy requires ${want.rule.type} rule "${want.name}" -> ${describeDestination(want.rule)}`,
        flags: flags({ costly: first }),
        params: { name: want.name, rule: want.rule, addsFirstFqdnRule: first },
      });
      if (first) {
        out.warnings.push({
          code: 'firewall-cost',
          stepId: id,
          message:
            `"${want.name}" is the workspace's first FQDN rule: the service creates an Azure Firewall (${input.firewallSku} SKU), ` +
            'which is charged separately and adds about 10 minutes to provisioning.',
        });
      }
      continue;
    }
    const changes = ruleDifferences(have.rule, want.rule);
    if (changes.length === 0) {
      if (have.rule.status === 'Failed') {
        const detail = have.rule.errorInformation?.message;
        out.warnings.push({
          code: 'rule-failed',
          message: `Rule "${have.name}" is in state Failed${detail ? `: ${detail}` : ''}.`,
        });
      }
      continue;
    }
    if (!isOwned(have.rule)) {
      // Same name as a service rule: never overwrite it.
      out.warnings.push({
        code: 'rule-name-taken',
        message: `Rule "${want.name}" exists as a ${have.rule.category ?? 'uncategorised'} rule with another destination; it is not the product's to change.`,
      });
      continue;
    }
    if (want.rule.type === 'PrivateEndpoint') out.newPrivateEndpoints.push(want.rule.destination);
    updates.push({
      id: stepId('update-rule', have.name),
      kind: 'update-rule',
      target: have.name,
      reason: `rule "${have.name}" differs from the policy (${changes.join('; ')})`,
      flags: flags({}),
      params: { name: have.name, from: have.rule, to: want.rule, changes },
    });
  }

  const stale = [...actualByName.entries()]
    .filter(([key, have]) => isOwned(have.rule) && !desiredByName.has(key) && have.rule.status !== 'Deleting')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [, have] of stale) {
    removes.push({
      id: stepId('remove-rule', have.name),
      kind: 'remove-rule',
      target: have.name,
      reason: `user-defined rule "${have.name}" (${describeDestination(have.rule)}) is not in the policy`,
      // Workloads that relied on the destination lose it.
      flags: flags({ disruptive: true }),
      params: { name: have.name, rule: have.rule },
    });
  }

  out.steps.push(...adds, ...updates, ...removes);
  return out;
}
