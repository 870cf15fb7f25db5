using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>Destination of a PrivateEndpoint outbound rule.</summary>
public sealed record PrivateEndpointDestination
{
    public required string ServiceResourceId { get; init; }
    public required string SubresourceTarget { get; init; }
    public bool? SparkEnabled { get; init; }
    public string? SparkStatus { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
