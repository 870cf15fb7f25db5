using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Inputs;

/// <summary>A subnet's <c>properties</c>; <c>privateEndpoints</c> lists the private endpoints in it (read-only).</summary>
public sealed record SubnetProperties
{
    public string? AddressPrefix { get; init; }
    public IReadOnlyList<string>? AddressPrefixes { get; init; }
    public IReadOnlyList<SubResource>? PrivateEndpoints { get; init; }
    public string? PrivateEndpointNetworkPolicies { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
