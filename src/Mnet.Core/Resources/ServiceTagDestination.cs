using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>Destination of a ServiceTag outbound rule.</summary>
public sealed record ServiceTagDestination
{
    public required string ServiceTag { get; init; }
    /// <summary>TCP, UDP, ICMP or *.</summary>
    public required string Protocol { get; init; }
    /// <summary>e.g. "443" or "80,443" or "8000-8080".</summary>
    public required string PortRanges { get; init; }
    /// <summary>Allow or Deny.</summary>
    public string? Action { get; init; }
    /// <summary>Read-only: filled in by the service.</summary>
    public IReadOnlyList<string>? AddressPrefixes { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
