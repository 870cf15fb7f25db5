/** The rules a policy ends up with once its packs are added, as validation sees them. */
import { expandRules, type EffectiveRule } from '../expand-rule-packs';
import type { PolicyView } from '../view';

export function effectiveRulesOf(view: PolicyView): EffectiveRule[] {
  return expandRules({
    rules: view.rules,
    rulePacks: view.rulePacks ?? [],
    rulePackOptions: view.rulePackOptions ?? {},
    context: {},
    keepUnresolved: true,
  });
}
