using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A role assignment's <c>properties</c> (Microsoft.Authorization 2022-04-01).</summary>
public sealed record RoleAssignmentProperties
{
    /// <summary>/subscriptions/{s}/providers/Microsoft.Authorization/roleDefinitions/{roleGuid}.</summary>
    public required string RoleDefinitionId { get; init; }
    public required string PrincipalId { get; init; }
    /// <summary>ServicePrincipal, User, Group, ... (open set).</summary>
    public string? PrincipalType { get; init; }
    public string? Scope { get; init; }
    public string? Description { get; init; }
    public string? Condition { get; init; }
    public string? ConditionVersion { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
