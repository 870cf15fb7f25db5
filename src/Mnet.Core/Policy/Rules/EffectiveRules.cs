using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Rules;

/// <summary>The rules a policy ends up with once its packs are added, as validation sees them.</summary>
internal static class EffectiveRules
{
    public static IReadOnlyList<EffectiveRule> Of(PolicyView view) =>
        RulePackExpander.ExpandRules(new RulePackExpansion(
            [.. view.Rules.Select(r => (r.Index, r.Rule))],
            view.RulePacks ?? [],
            view.RulePackOptions ?? new PolicyRulePackOptions(),
            new RulePackContext(),
            KeepUnresolved: true));
}
