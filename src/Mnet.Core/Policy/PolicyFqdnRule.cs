namespace Mnet.Core.Policy;

public sealed record PolicyFqdnRule(string Name, string Destination) : PolicyOutboundRule(Name)
{
    public override string Type => "fqdn";
}
