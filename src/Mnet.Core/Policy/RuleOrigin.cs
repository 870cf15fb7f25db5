namespace Mnet.Core.Policy;

/// <summary>Where an effective rule comes from: the policy's own list (by index) or a rule pack (by name).</summary>
public sealed record RuleOrigin
{
    private RuleOrigin(int? policyIndex, string? pack)
    {
        PolicyIndex = policyIndex;
        Pack = pack;
    }

    /// <summary>Position in <c>managed_network.outbound_rules</c>; null for a pack rule.</summary>
    public int? PolicyIndex { get; }

    /// <summary>The pack that added the rule; null for a policy rule.</summary>
    public string? Pack { get; }

    public static RuleOrigin FromPolicy(int index) => new(index, null);

    public static RuleOrigin FromPack(string pack) => new(null, pack);
}
