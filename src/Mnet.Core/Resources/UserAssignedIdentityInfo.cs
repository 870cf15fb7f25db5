using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>One entry of <c>identity.userAssignedIdentities</c>.</summary>
public sealed record UserAssignedIdentityInfo
{
    public string? PrincipalId { get; init; }
    public string? ClientId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
