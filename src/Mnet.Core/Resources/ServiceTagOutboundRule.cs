using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A ServiceTag outbound rule.</summary>
public sealed record ServiceTagOutboundRule : OutboundRule
{
    [JsonPropertyOrder(-1)]
    public override string Type => OutboundRuleTypes.ServiceTag;
    public required ServiceTagDestination Destination { get; init; }
}
