using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Inputs;

/// <summary>
/// The network settings of a dependency, named as each provider's REST specification names them: storage and key
/// vault <c>networkAcls</c>, container registry <c>networkRuleSet</c>; <c>privateEndpointConnections</c> on all three;
/// Application Insights <c>PrivateLinkScopedResources</c> (PascalCase in its specification); an Azure Monitor Private
/// Link Scope's <c>accessModeSettings</c>.
/// </summary>
public sealed record DependencyProperties
{
    /// <summary>Enabled, Disabled (Key Vault: enabled, disabled), SecuredByPerimeter: compare without case.</summary>
    public string? PublicNetworkAccess { get; init; }
    public NetworkRuleSet? NetworkAcls { get; init; }
    public NetworkRuleSet? NetworkRuleSet { get; init; }
    public string? NetworkRuleBypassOptions { get; init; }
    public IReadOnlyList<PrivateEndpointConnection>? PrivateEndpointConnections { get; init; }

    [JsonPropertyName("PrivateLinkScopedResources")]
    public IReadOnlyList<PrivateLinkScopedResource>? PrivateLinkScopedResources { get; init; }

    public AccessModeSettings? AccessModeSettings { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
