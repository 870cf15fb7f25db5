namespace Mnet.Core.Policy;

public sealed record PolicyServiceTagRule(string Name, PolicyServiceTagDestination Destination)
    : PolicyOutboundRule(Name)
{
    public override string Type => "service_tag";
}
