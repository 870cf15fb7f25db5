using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A Resource Graph answer; rows are raw JSON (deserialize each with <see cref="ArmJson"/>).</summary>
public sealed record ResourceGraphResponse
{
    public long TotalRecords { get; init; }
    public long Count { get; init; }
    /// <summary>The service sends "true"/"false" strings or booleans.</summary>
    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool ResultTruncated { get; init; }

    [JsonPropertyName("$skipToken")]
    public string? SkipToken { get; init; }

    public IReadOnlyList<JsonElement> Data { get; init; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
