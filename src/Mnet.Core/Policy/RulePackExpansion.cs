namespace Mnet.Core.Policy;

/// <summary>What <see cref="RulePackExpander.ExpandRules"/> works on.</summary>
/// <param name="Rules">The policy's own rules with their positions in <c>managed_network.outbound_rules</c>.</param>
/// <param name="KeepUnresolved">Keep pack rules whose target is not known, with
/// <see cref="RulePackExpander.UnresolvedTarget"/> as target (validation wants every pack rule's name).</param>
public sealed record RulePackExpansion(
    IReadOnlyList<(int Index, PolicyOutboundRule Rule)> Rules,
    IReadOnlyList<string> RulePacks,
    PolicyRulePackOptions RulePackOptions,
    RulePackContext Context,
    bool KeepUnresolved = false);
