using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>POST /providers/Microsoft.ResourceGraph/resources (api-version 2022-10-01).</summary>
public sealed record ResourceGraphRequest
{
    public required IReadOnlyList<string> Subscriptions { get; init; }
    public required string Query { get; init; }
    public ResourceGraphRequestOptions? Options { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
