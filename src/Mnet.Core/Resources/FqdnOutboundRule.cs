using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>An FQDN outbound rule: the destination is a host name, possibly a wildcard (<c>*.example.com</c>).</summary>
public sealed record FqdnOutboundRule : OutboundRule
{
    [JsonPropertyOrder(-1)]
    public override string Type => OutboundRuleTypes.Fqdn;
    public required string Destination { get; init; }
}
