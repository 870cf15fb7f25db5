namespace Mnet.Core.Policy;

/// <summary>One outbound rule as the policy file states it (az ml YAML: name, type, destination).</summary>
public abstract record PolicyOutboundRule(string Name)
{
    /// <summary>The policy-file spelling of the type: fqdn, service_tag or private_endpoint.</summary>
    public abstract string Type { get; }
}
