using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Arm.Models;

/// <summary>/subscriptions/{s}/resourceGroups/{name}.</summary>
public sealed record ResourceGroup
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Location { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
