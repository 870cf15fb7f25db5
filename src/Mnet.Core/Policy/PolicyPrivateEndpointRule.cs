using System.Text.Json.Serialization;

namespace Mnet.Core.Policy;

public sealed record PolicyPrivateEndpointRule(string Name, PolicyPrivateEndpointDestination Destination)
    : PolicyOutboundRule(Name)
{
    [JsonIgnore]
    public override string Type => "private_endpoint";
}
