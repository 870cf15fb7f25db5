using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>An ARM <c>sku</c> block (workspace, compute, online deployment).</summary>
public sealed record Sku
{
    public string? Name { get; init; }
    public string? Tier { get; init; }
    public string? Size { get; init; }
    public string? Family { get; init; }
    public int? Capacity { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
