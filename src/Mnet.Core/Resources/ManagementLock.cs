using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A Microsoft.Authorization/locks resource on a scope.</summary>
public sealed record ManagementLock
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Type { get; init; }
    public required ManagementLockProperties Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
