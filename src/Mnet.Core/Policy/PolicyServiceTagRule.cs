using System.Text.Json.Serialization;

namespace Mnet.Core.Policy;

public sealed record PolicyServiceTagRule(string Name, PolicyServiceTagDestination Destination)
    : PolicyOutboundRule(Name)
{
    [JsonIgnore]
    public override string Type => "service_tag";
}
