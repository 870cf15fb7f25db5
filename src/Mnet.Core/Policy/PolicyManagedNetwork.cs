using Mnet.Core.Resources;

namespace Mnet.Core.Policy;

/// <summary>The <c>managed_network</c> block (az ml YAML shape); the mode is held as its ARM value.</summary>
public sealed record PolicyManagedNetwork
{
    public required IsolationMode IsolationMode { get; init; }
    /// <summary>"standard" or "basic"; null when the policy does not set it.</summary>
    public string? FirewallSku { get; init; }
    public IReadOnlyList<PolicyOutboundRule> OutboundRules { get; init; } = [];
}
