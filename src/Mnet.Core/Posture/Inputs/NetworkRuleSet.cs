namespace Mnet.Core.Posture.Inputs;

/// <summary>Firewall rules of a storage account / key vault (<c>networkAcls</c>) or a registry (<c>networkRuleSet</c>).</summary>
public sealed record NetworkRuleSet
{
    /// <summary>Allow or Deny.</summary>
    public string? DefaultAction { get; init; }
    public string? Bypass { get; init; }
    public IReadOnlyList<VirtualNetworkRule>? VirtualNetworkRules { get; init; }
    public IReadOnlyList<IpRule>? IpRules { get; init; }
}
