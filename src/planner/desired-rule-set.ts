/**
 * Desired rules prepared once per rule list (ARM shape, lower-cased key, add-step reason), so
 * that judging thousands of workspaces against the same policy converts and describes each rule only once.
 * The prepared rules are frozen: plans share them.
 */
import type { IsolationMode, OutboundRule } from '../arm/types';
import { RULE_TYPES_ALLOWED_BY_MODE } from '../catalog/outbound-rules';
import type { PolicyOutboundRule } from '../policy/types';
import { describeDestination, toArmRule } from './arm-rule';
import type { PlanRefusal } from './types';

export interface DesiredRule {
  name: string;
  /** Rule names compare without case. */
  key: string;
  rule: Readonly<OutboundRule>;
  addReason: string;
}

export interface DesiredRuleSet {
  rules: readonly DesiredRule[];
  byKey: ReadonlyMap<string, DesiredRule>;
  /** Set when the list itself is unusable (duplicate names). */
  refused?: PlanRefusal;
  /** The first rule whose type a mode does not accept, per mode (null: none). */
  refusalFor(mode: IsolationMode): PlanRefusal | undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function prepare(desired: readonly PolicyOutboundRule[]): DesiredRuleSet {
  const rules: DesiredRule[] = [];
  const byKey = new Map<string, DesiredRule>();
  let refused: PlanRefusal | undefined;
  for (const policyRule of desired) {
    const rule = deepFreeze(toArmRule(policyRule));
    const entry: DesiredRule = {
      name: policyRule.name,
      key: policyRule.name.toLowerCase(),
      rule,
      addReason: `the policy requires ${rule.type} rule "${policyRule.name}" -> ${describeDestination(rule)}`,
    };
    if (byKey.has(entry.key) && refused === undefined) {
      refused = { rule: 'duplicate-rule-name', reason: `The policy defines rule "${policyRule.name}" more than once (rule names are unique per workspace).` };
    }
    byKey.set(entry.key, entry);
    rules.push(entry);
  }
  const perMode = new Map<IsolationMode, PlanRefusal | null>();
  const set: DesiredRuleSet = {
    rules,
    byKey,
    refusalFor(mode) {
      let r = perMode.get(mode);
      if (r === undefined) {
        const allowed = RULE_TYPES_ALLOWED_BY_MODE[mode];
        const bad = rules.find((d) => !allowed.includes(d.rule.type));
        r = bad
          ? {
              rule: 'rule-type-not-allowed',
              reason: `Rule "${bad.name}" is a ${bad.rule.type} rule, which ${mode} does not accept (allowed: ${allowed.join(', ') || 'none'}).`,
            }
          : null;
        perMode.set(mode, r);
      }
      return r ?? undefined;
    },
  };
  if (refused !== undefined) set.refused = refused;
  return set;
}

const cache = new WeakMap<readonly PolicyOutboundRule[], DesiredRuleSet>();

export function desiredRuleSet(desired: readonly PolicyOutboundRule[]): DesiredRuleSet {
  let set = cache.get(desired);
  if (set === undefined) {
    set = prepare(desired);
    cache.set(desired, set);
  }
  return set;
}
