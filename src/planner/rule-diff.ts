/**
 * Desired user rules (policy + rule packs) against the workspace's rules, by name. Only user-defined rules are
 * the product's: Required / Recommended / Dependency rules belong to the service and are never touched.
 * One pass over the workspace's rules, one over the desired ones (a drift scan runs this per workspace).
 */
import type { FirewallSku, IsolationMode, OutboundRule, PrivateEndpointDestination } from '../arm/types';
import { PRODUCT_OWNED_RULE_CATEGORY } from '../catalog/outbound-rules';
import { describeDestination, ruleDifferences, sameRule } from './arm-rule';
import type { DesiredRuleSet } from './desired-rule-set';
import { flags, stepId, type PlanStep } from './steps';
import type { PartialPlan } from './types';

export interface RuleDiffInput {
  desired: DesiredRuleSet;
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

interface Named {
  name: string;
  rule: OutboundRule;
}

export function diffRules(input: RuleDiffInput): RuleDiff {
  const out: RuleDiff = { steps: [], warnings: [], addsFirstFqdnRule: false, newPrivateEndpoints: [] };
  // Guards: a validated policy never trips these, but a plan must never ask the service for something it refuses.
  const refused = input.desired.refused ?? input.desired.refusalFor(input.desiredMode);
  if (refused !== undefined) {
    out.refused = refused;
    return out;
  }

  const matched = new Map<string, Named>();
  const stale: Named[] = [];
  let hasFqdnRule = false;
  for (const name in input.actual) {
    const rule = input.actual[name] as OutboundRule;
    if (rule.type === 'FQDN' && rule.status !== 'Deleting') hasFqdnRule = true;
    const key = name.toLowerCase();
    if (input.desired.byKey.has(key)) matched.set(key, { name, rule });
    else if (rule.category === PRODUCT_OWNED_RULE_CATEGORY && rule.status !== 'Deleting') stale.push({ name, rule });
  }

  const adds: PlanStep[] = [];
  const updates: PlanStep[] = [];
  for (const want of input.desired.rules) {
    const have = matched.get(want.key);
    if (have === undefined) {
      const first = want.rule.type === 'FQDN' && !hasFqdnRule && !out.addsFirstFqdnRule;
      if (first) out.addsFirstFqdnRule = true;
      if (want.rule.type === 'PrivateEndpoint') out.newPrivateEndpoints.push(want.rule.destination);
      const id = stepId('add-rule', want.name);
      adds.push({
        id,
        kind: 'add-rule',
        target: want.name,
        reason: want.addReason,
        flags: flags({ costly: first }),
        params: { name: want.name, rule: want.rule as OutboundRule, addsFirstFqdnRule: first },
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
    if (sameRule(have.rule, want.rule as OutboundRule)) {
      if (have.rule.status === 'Failed') {
        const detail = have.rule.errorInformation?.message;
        out.warnings.push({ code: 'rule-failed', message: `Rule "${have.name}" is in state Failed${detail ? `: ${detail}` : ''}.` });
      }
      continue;
    }
    if (have.rule.category !== PRODUCT_OWNED_RULE_CATEGORY) {
      // Same name as a service rule: never overwrite it.
      out.warnings.push({
        code: 'rule-name-taken',
        message: `Rule "${want.name}" exists as a ${have.rule.category ?? 'uncategorised'} rule with another destination; it is not the product's to change.`,
      });
      continue;
    }
    if (want.rule.type === 'PrivateEndpoint') out.newPrivateEndpoints.push(want.rule.destination);
    const changes = ruleDifferences(have.rule, want.rule as OutboundRule);
    updates.push({
      id: stepId('update-rule', have.name),
      kind: 'update-rule',
      target: have.name,
      reason: `rule "${have.name}" differs from the policy (${changes.join('; ')})`,
      flags: flags({}),
      params: { name: have.name, from: have.rule, to: want.rule as OutboundRule, changes },
    });
  }

  stale.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  const removes: PlanStep[] = stale.map((have) => ({
    id: stepId('remove-rule', have.name),
    kind: 'remove-rule',
    target: have.name,
    reason: `user-defined rule "${have.name}" (${describeDestination(have.rule)}) is not in the policy`,
    // Workloads that relied on the destination lose it.
    flags: flags({ disruptive: true }),
    params: { name: have.name, rule: have.rule },
  }));

  if (adds.length + updates.length + removes.length > 0) out.steps.push(...adds, ...updates, ...removes);
  return out;
}
