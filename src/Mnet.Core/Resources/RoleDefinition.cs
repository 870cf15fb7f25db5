using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>{scope}/providers/Microsoft.Authorization/roleDefinitions/{guid}.</summary>
public sealed record RoleDefinition
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Type { get; init; }
    public required RoleDefinitionProperties Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
