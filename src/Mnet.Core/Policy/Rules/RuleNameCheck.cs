using Mnet.Core.Catalog;
using Mnet.Core.Policy.Schema;
using Mnet.Core.Policy.Validation;

namespace Mnet.Core.Policy.Rules;

/// <summary>Rule names: ARM's name pattern, unique per workspace (with the names rule packs add), category.</summary>
internal static class RuleNameCheck
{
    public static void Check(PolicyView view, ProblemSink sink)
    {
        foreach (var (index, rule, category) in view.Rules)
        {
            if (!OutboundRules.RuleNamePattern.IsMatch(rule.Name))
            {
                sink.Error(RulePath.Of(index), PolicyRuleIds.RuleNameFormat,
                    $"rule name \"{rule.Name}\" must be 3 to 33 letters, digits, \"_\" or \"-\", starting with a " +
                    "letter or digit",
                    RulePath.Of(index, "name"));
            }
            if (category is not null && category != PolicyEnumNames.UserDefinedCategory)
            {
                sink.Warn(RulePath.Of(index), PolicyRuleIds.RuleCategoryUserDefined,
                    $"category \"{category}\" is set by the service; the product only manages user-defined rules, " +
                    "so this rule is created as user_defined",
                    RulePath.Of(index, "category"));
            }
        }
        var byName = new Dictionary<string, EffectiveRule>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in EffectiveRules.Of(view))
        {
            if (byName.TryAdd(entry.Rule.Name, entry)) continue;
            var first = byName[entry.Rule.Name];
            var firstWhere = first.Origin.PolicyIndex is { } i
                ? $"managed_network.outbound_rules[{i}]"
                : $"rule pack \"{first.Origin.Pack}\"";
            if (entry.Origin.PolicyIndex is { } index)
            {
                sink.Error(RulePath.Of(index), PolicyRuleIds.RuleNameUnique,
                    $"rule name \"{entry.Rule.Name}\" is already used by {firstWhere}; names are unique per workspace",
                    RulePath.Of(index, "name"));
            }
            else if (first.Origin.PolicyIndex is { } userIndex)
            {
                // The pack rule comes later in the list but the user's rule is the one to rename.
                sink.Error(RulePath.Of(userIndex), PolicyRuleIds.RuleNameUnique,
                    $"rule name \"{entry.Rule.Name}\" is also added by rule pack \"{entry.Origin.Pack}\" (with " +
                    "another destination); rename this rule",
                    RulePath.Of(userIndex, "name"));
            }
        }
    }
}
