using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>The <c>options</c> of a Resource Graph query.</summary>
public sealed record ResourceGraphRequestOptions
{
    /// <summary>Page size, at most 1000.</summary>
    [JsonPropertyName("$top")]
    public int? Top { get; init; }

    [JsonPropertyName("$skipToken")]
    public string? SkipToken { get; init; }

    /// <summary>objectArray or table.</summary>
    public string? ResultFormat { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
