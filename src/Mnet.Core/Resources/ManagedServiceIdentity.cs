using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>The <c>identity</c> block of a workspace, compute or endpoint.</summary>
public sealed record ManagedServiceIdentity
{
    /// <summary>SystemAssigned, UserAssigned, "SystemAssigned,UserAssigned" or None (open set: a string).</summary>
    public required string Type { get; init; }
    public string? PrincipalId { get; init; }
    public string? TenantId { get; init; }
    /// <summary>Keyed by the user-assigned identity's resource id.</summary>
    public IReadOnlyDictionary<string, UserAssignedIdentityInfo>? UserAssignedIdentities { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
