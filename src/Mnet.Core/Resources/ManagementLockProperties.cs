using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A management lock's <c>properties</c>.</summary>
public sealed record ManagementLockProperties
{
    /// <summary>CanNotDelete or ReadOnly (open set).</summary>
    public required string Level { get; init; }
    public string? Notes { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
