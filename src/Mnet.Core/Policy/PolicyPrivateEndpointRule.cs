namespace Mnet.Core.Policy;

public sealed record PolicyPrivateEndpointRule(string Name, PolicyPrivateEndpointDestination Destination)
    : PolicyOutboundRule(Name)
{
    public override string Type => "private_endpoint";
}
