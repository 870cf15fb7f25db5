using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Readiness;

/// <summary>The policy's managed_network block (az ml YAML shape).</summary>
public sealed record PolicyFragmentManagedNetwork
{
    [JsonPropertyName("isolation_mode")]
    public required string IsolationMode { get; init; }

    [JsonPropertyName("outbound_rules")]
    public IReadOnlyList<PolicyRuleSnippet> OutboundRules { get; init; } = [];
}
