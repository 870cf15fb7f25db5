/** Rule names: ARM's name pattern, unique per workspace (including the names rule packs add), category. */
import { RULE_NAME_PATTERN } from '../../catalog/outbound-rules';
import { rulePath, type Check } from './check';
import { effectiveRulesOf } from './effective';

export const checkRuleNames: Check = (view, sink) => {
  for (const { index, rule, category } of view.rules) {
    if (!RULE_NAME_PATTERN.test(rule.name)) {
      sink.error(
        rulePath(index),
        'rule-name-format',
        `rule name "${rule.name}" must be 3 to 33 letters, digits, "_" or "-", starting with a letter or digit`,
        { pointAt: rulePath(index, 'name') },
      );
    }
    if (category !== undefined && category !== 'user_defined') {
      sink.warn(
        rulePath(index),
        'rule-category-user-defined',
        `category "${category}" is set by the service; the product only manages user-defined rules, so this rule is created as user_defined`,
        { pointAt: rulePath(index, 'category') },
      );
    }
  }
  const byName = new Map<string, ReturnType<typeof effectiveRulesOf>[number]>();
  for (const entry of effectiveRulesOf(view)) {
    const key = entry.rule.name.toLowerCase();
    const first = byName.get(key);
    if (first === undefined) {
      byName.set(key, entry);
      continue;
    }
    const firstWhere =
      first.origin.kind === 'policy' ? `managed_network.outbound_rules[${first.origin.index}]` : `rule pack "${first.origin.pack}"`;
    if (entry.origin.kind === 'policy') {
      sink.error(rulePath(entry.origin.index), 'rule-name-unique', `rule name "${entry.rule.name}" is already used by ${firstWhere}; names are unique per workspace`, {
        pointAt: rulePath(entry.origin.index, 'name'),
      });
    } else if (first.origin.kind === 'policy') {
      // The pack rule comes later in the list but the user's rule is the one to rename.
      sink.error(
        rulePath(first.origin.index),
        'rule-name-unique',
        `rule name "${entry.rule.name}" is also added by rule pack "${entry.origin.pack}" (with another destination); rename this rule`,
        { pointAt: rulePath(first.origin.index, 'name') },
      );
    }
  }
};
