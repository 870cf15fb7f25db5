using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>{scope}/providers/Microsoft.Authorization/roleAssignments/{guid}.</summary>
public sealed record RoleAssignment
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Type { get; init; }
    public required RoleAssignmentProperties Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
