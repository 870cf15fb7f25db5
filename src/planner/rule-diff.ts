/**
 * Desired user rules (policy + rule packs) against the workspace's rules, by name. Only user-defined rules are
 * the product's: Required / Recommended / Dependency rules belong to the service and are never touched.
 * One pass over the workspace's rules, one over the desired ones (a drift scan runs this per workspace).
 */
import type { FirewallSku, IsolationMode, OutboundRule, PrivateEndpointDestination } from '../arm/types';
import { PRODUCT_OWNED_RULE_CATEGORY } from '../catalog/outbound-rules';
import { PROVISIONING_ESTIMATE_MINUTES } from '../catalog/provisioning';
import { describeDestination, ruleDifferences, sameRule } from './arm-rule';
import type { DesiredRule, DesiredRuleSet } from './desired-rule-set';
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

  const replaced: PlanStep[] = [];
  const adds: PlanStep[] = [];
  const updates: PlanStep[] = [];
  const add = (want: DesiredRule, reason: string): void => {
    const first = want.rule.type === 'FQDN' && !hasFqdnRule && !out.addsFirstFqdnRule;
    if (first) out.addsFirstFqdnRule = true;
    if (want.rule.type === 'PrivateEndpoint') out.newPrivateEndpoints.push(want.rule.destination);
    const id = stepId('add-rule', want.name);
    adds.push({
      id,
      kind: 'add-rule',
      target: want.name,
      reason,
      flags: flags({ costly: first }),
      params: { name: want.name, rule: want.rule as OutboundRule, addsFirstFqdnRule: first },
    });
    if (first) {
      out.warnings.push({
        code: 'firewall-cost',
        stepId: id,
        message:
          `"${want.name}" is the workspace's first FQDN rule: the service creates an Azure Firewall (${input.firewallSku} SKU), ` +
          `which is charged separately and adds about ${PROVISIONING_ESTIMATE_MINUTES.firstFqdnRule} minutes to provisioning.`,
      });
    }
  };

  for (const want of input.desired.rules) {
    const have = matched.get(want.key);
    if (have === undefined) {
      add(want, want.addReason);
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
      // Same name as a service rule with another destination: never overwrite it, and the policy rule cannot exist.
      out.refused = {
        rule: 'rule-name-taken',
        reason:
          `Rule "${want.name}" exists as a ${have.rule.category ?? 'uncategorised'} rule (${describeDestination(have.rule)}) that is not ` +
          `the product's to change, so the policy's rule (${describeDestination(want.rule as OutboundRule)}) cannot be added: rename it in the policy.`,
      };
      out.steps = [];
      return out;
    }
    if (have.rule.type !== want.rule.type) {
      // A PUT that changes a rule's type is unverified: remove the rule, then add it again (order.ts keeps that order).
      replaced.push(removeStep(have, `rule "${have.name}" changes type ${have.rule.type} -> ${want.rule.type}: it is removed and added again`));
      add(want, `${want.addReason} (replaces the ${have.rule.type} rule of the same name)`);
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
  const removes = stale.map((have) => removeStep(have, `user-defined rule "${have.name}" (${describeDestination(have.rule)}) is not in the policy`));

  if (replaced.length + adds.length + updates.length + removes.length > 0) out.steps.push(...replaced, ...adds, ...updates, ...removes);
  return out;
}

function removeStep(have: Named, reason: string): PlanStep {
  return {
    id: stepId('remove-rule', have.name),
    kind: 'remove-rule',
    target: have.name,
    reason,
    // Workloads that relied on the destination lose it.
    flags: flags({ disruptive: true }),
    params: { name: have.name, rule: have.rule },
  };
}
