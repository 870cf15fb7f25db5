using System.Text.Json.Serialization;

namespace Mnet.Core.Policy;

public sealed record PolicyFqdnRule(string Name, string Destination) : PolicyOutboundRule(Name)
{
    [JsonIgnore]
    public override string Type => "fqdn";
}
