using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Inputs;

/// <summary>
/// A private endpoint's <c>properties</c>: its subnet and its connections to targets, automatically approved ones
/// (<c>privateLinkServiceConnections</c>) and ones waiting for the target's owner (<c>manualPrivateLinkServiceConnections</c>).
/// </summary>
public sealed record PrivateEndpointProperties
{
    public SubResource? Subnet { get; init; }
    public IReadOnlyList<PrivateLinkServiceConnection>? PrivateLinkServiceConnections { get; init; }
    public IReadOnlyList<PrivateLinkServiceConnection>? ManualPrivateLinkServiceConnections { get; init; }
    public string? ProvisioningState { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
