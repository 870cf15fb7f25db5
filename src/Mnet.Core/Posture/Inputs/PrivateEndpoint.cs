using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Inputs;

/// <summary>A Microsoft.Network/privateEndpoints resource as GET (or Resource Graph) returns it.</summary>
public sealed record PrivateEndpoint
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Location { get; init; }
    public PrivateEndpointProperties? Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
