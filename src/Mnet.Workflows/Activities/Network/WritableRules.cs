using Mnet.Core.Resources;

namespace Mnet.Workflows.Activities.Network;

/// <summary>A rule as the product writes it: type, destination and category only (status and errors are read-only).</summary>
public static class WritableRules
{
    public const string UserDefined = "UserDefined";

    public static OutboundRule Of(OutboundRule rule) => rule switch
    {
        FqdnOutboundRule fqdn => new FqdnOutboundRule { Destination = fqdn.Destination, Category = fqdn.Category ?? UserDefined },
        PrivateEndpointOutboundRule pe => new PrivateEndpointOutboundRule
        {
            Category = pe.Category ?? UserDefined,
            Destination = new PrivateEndpointDestination
            {
                ServiceResourceId = pe.Destination.ServiceResourceId,
                SubresourceTarget = pe.Destination.SubresourceTarget,
                SparkEnabled = pe.Destination.SparkEnabled == true,
            },
        },
        ServiceTagOutboundRule tag => new ServiceTagOutboundRule
        {
            Category = tag.Category ?? UserDefined,
            Destination = new ServiceTagDestination
            {
                ServiceTag = tag.Destination.ServiceTag,
                Protocol = tag.Destination.Protocol,
                PortRanges = tag.Destination.PortRanges,
                Action = tag.Destination.Action,
            },
        },
        _ => rule with { Status = null, ErrorInformation = null, Category = rule.Category ?? UserDefined },
    };
}
