using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A role definition's <c>properties</c>.</summary>
public sealed record RoleDefinitionProperties
{
    public required string RoleName { get; init; }
    public string? Description { get; init; }
    /// <summary>CustomRole or BuiltInRole (open set).</summary>
    public string? Type { get; init; }
    public required IReadOnlyList<RolePermission> Permissions { get; init; }
    public required IReadOnlyList<string> AssignableScopes { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
