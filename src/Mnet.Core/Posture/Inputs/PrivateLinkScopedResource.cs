using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Inputs;

/// <summary>
/// An Application Insights component's link to an Azure Monitor Private Link Scope: <c>ResourceId</c> is the scoped
/// resource (<c>{scope}/scopedResources/{name}</c>), <c>ScopeId</c> the scope's identifier.
/// </summary>
public sealed record PrivateLinkScopedResource
{
    [JsonPropertyName("ResourceId")]
    public string? ResourceId { get; init; }

    [JsonPropertyName("ScopeId")]
    public string? ScopeId { get; init; }
}
