using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>An online endpoint's <c>properties</c>.</summary>
public sealed record OnlineEndpointProperties
{
    /// <summary>Key, AMLToken or AADToken (open set).</summary>
    public required string AuthMode { get; init; }
    /// <summary>Deployment name to percent.</summary>
    public IReadOnlyDictionary<string, int>? Traffic { get; init; }
    public IReadOnlyDictionary<string, int>? MirrorTraffic { get; init; }
    /// <summary>Enabled or Disabled (open set).</summary>
    public string? PublicNetworkAccess { get; init; }
    public string? ProvisioningState { get; init; }
    public string? ScoringUri { get; init; }
    public string? SwaggerUri { get; init; }
    public string? Description { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
