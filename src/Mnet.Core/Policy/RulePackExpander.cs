using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Policy;

/// <summary>
/// Effective user rules: the policy's own rules plus the rules its packs add (names fixed by the catalog). Pure; the
/// planner calls it per workspace, validation calls it to check names across the policy and its packs.
/// </summary>
public static class RulePackExpander
{
    /// <summary>Target of a pack private endpoint that is only known per workspace (validation only).</summary>
    public const string UnresolvedTarget = "(resolved per workspace)";

    /// <summary>The effective user rules of a validated policy for one workspace: its rules, then the packs'.</summary>
    public static IReadOnlyList<PolicyOutboundRule> ExpandRulePackRules(Policy policy, RulePackContext context)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rules = policy.ManagedNetwork.OutboundRules.Select((rule, index) => (index, rule)).ToList();
        var input = new RulePackExpansion(rules, policy.RulePacks, policy.RulePackOptions, context);
        return [.. ExpandRules(input).Select(e => e.Rule)];
    }

    /// <summary>
    /// The policy rules, then each listed pack's rules (unknown and repeated packs skipped, packs for other workspace
    /// kinds skipped) unless an equivalent rule is already there.
    /// </summary>
    public static IReadOnlyList<EffectiveRule> ExpandRules(RulePackExpansion input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var output = input.Rules.Select(r => new EffectiveRule(r.Rule, RuleOrigin.FromPolicy(r.Index))).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var packName in input.RulePacks)
        {
            if (RulePacks.Find(packName) is not { } pack || !seen.Add(packName)) continue;
            var kind = input.Context.WorkspaceKind;
            if (kind is not null && pack.Kinds is not null
                && !pack.Kinds.Any(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            foreach (var packRule in pack.Rules)
            {
                if (ToRule(packRule, packName, input) is { } rule && !Covered(rule, output))
                {
                    output.Add(new EffectiveRule(rule, RuleOrigin.FromPack(packName)));
                }
            }
        }
        return output;
    }

    private static PolicyOutboundRule? ToRule(PackRule rule, string pack, RulePackExpansion input)
    {
        if (rule is FqdnPackRule fqdn) return new PolicyFqdnRule(fqdn.Name, fqdn.Destination);
        var (target, subresource) = rule switch
        {
            DefaultStoragePrivateEndpointPackRule storage =>
                (input.Context.DefaultStorageAccountId, storage.Subresource),
            ResourceTypePrivateEndpointPackRule { OptionKey: { } key } typed =>
                (input.RulePackOptions.Target(pack, key), typed.Subresource),
            _ => (null, ""),
        };
        target ??= input.KeepUnresolved ? UnresolvedTarget : null;
        if (target is null) return null;
        return new PolicyPrivateEndpointRule(rule.Name,
            new PolicyPrivateEndpointDestination(target, subresource, SparkEnabled: false));
    }

    /// <summary>True when an equivalent rule (same FQDN, or same endpoint target and subresource) is there.</summary>
    private static bool Covered(PolicyOutboundRule rule, IReadOnlyList<EffectiveRule> existing) =>
        existing.Any(e => (rule, e.Rule) switch
        {
            (PolicyFqdnRule a, PolicyFqdnRule b) =>
                string.Equals(a.Destination, b.Destination, StringComparison.OrdinalIgnoreCase),
            (PolicyPrivateEndpointRule a, PolicyPrivateEndpointRule b) =>
                a.Destination.ServiceResourceId != UnresolvedTarget
                && ResourceId.Same(a.Destination.ServiceResourceId, b.Destination.ServiceResourceId)
                && string.Equals(a.Destination.SubresourceTarget, b.Destination.SubresourceTarget,
                    StringComparison.OrdinalIgnoreCase),
            _ => false,
        });
}
