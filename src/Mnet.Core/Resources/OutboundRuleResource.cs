using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>The outbound-rule sub-resource: GET/PUT {workspace}/outboundRules/{rule}.</summary>
public sealed record OutboundRuleResource
{
    public string? Id { get; init; }
    public required string Name { get; init; }
    public string? Type { get; init; }
    public required OutboundRule Properties { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
