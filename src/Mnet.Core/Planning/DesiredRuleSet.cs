using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mnet.Core.Catalog;
using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Desired rules prepared once per rule list, so that judging thousands of workspaces against the same policy converts
/// and describes each rule only once. Immutable: plans share the prepared rules.
/// </summary>
internal sealed class DesiredRuleSet
{
    private static readonly ConditionalWeakTable<IReadOnlyList<PolicyOutboundRule>, DesiredRuleSet> Cache = new();

    private readonly ConcurrentDictionary<IsolationMode, PlanRefusal?> _refusalByMode = new();

    private DesiredRuleSet(IReadOnlyList<PolicyOutboundRule> desired)
    {
        var rules = new List<DesiredRule>();
        var byKey = new Dictionary<string, DesiredRule>(StringComparer.Ordinal);
        foreach (var policyRule in desired)
        {
            var rule = ArmRules.ToArmRule(policyRule);
            var entry = new DesiredRule(
                policyRule.Name,
                policyRule.Name.ToLowerInvariant(),
                rule,
                $"the policy requires {rule.Type} rule \"{policyRule.Name}\" -> {ArmRules.DescribeDestination(rule)}");
            if (byKey.ContainsKey(entry.Key) && Refused is null)
            {
                Refused = new PlanRefusal(
                    "duplicate-rule-name",
                    $"The policy defines rule \"{policyRule.Name}\" more than once (rule names are unique per workspace).");
            }
            byKey[entry.Key] = entry;
            rules.Add(entry);
        }
        Rules = rules;
        ByKey = byKey;
    }

    public IReadOnlyList<DesiredRule> Rules { get; }

    public IReadOnlyDictionary<string, DesiredRule> ByKey { get; }

    /// <summary>Set when the list itself is unusable (duplicate names).</summary>
    public PlanRefusal? Refused { get; }

    public static DesiredRuleSet For(IReadOnlyList<PolicyOutboundRule> desired) =>
        Cache.GetValue(desired, list => new DesiredRuleSet(list));

    /// <summary>The first rule whose type <paramref name="mode"/> does not accept, as a refusal; null when none.</summary>
    public PlanRefusal? RefusalFor(IsolationMode mode) => _refusalByMode.GetOrAdd(mode, m =>
    {
        var allowed = OutboundRules.RuleTypesAllowedByMode[m];
        var bad = Rules.FirstOrDefault(d => !allowed.Contains(d.Rule.Type));
        if (bad is null) return null;
        var list = allowed.Count > 0 ? string.Join(", ", allowed) : "none";
        return new PlanRefusal(
            "rule-type-not-allowed",
            $"Rule \"{bad.Name}\" is a {bad.Rule.Type} rule, which {m} does not accept (allowed: {list}).");
    });
}
