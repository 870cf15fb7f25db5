namespace Mnet.Core.Policy;

/// <summary>One rule a policy ends up with once its packs are added, and where it comes from.</summary>
public sealed record EffectiveRule(PolicyOutboundRule Rule, RuleOrigin Origin);
