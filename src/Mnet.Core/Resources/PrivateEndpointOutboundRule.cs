using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>A PrivateEndpoint outbound rule.</summary>
public sealed record PrivateEndpointOutboundRule : OutboundRule
{
    [JsonPropertyOrder(-1)]
    public override string Type => OutboundRuleTypes.PrivateEndpoint;
    public required PrivateEndpointDestination Destination { get; init; }
}
