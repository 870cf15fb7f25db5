using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>An online endpoint: {workspace}/onlineEndpoints/{name}.</summary>
public sealed record OnlineEndpoint
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Type { get; init; }
    public required string Location { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public ManagedServiceIdentity? Identity { get; init; }
    public required OnlineEndpointProperties Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
