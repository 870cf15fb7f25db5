using System.Text.Json.Serialization;

namespace Mnet.Core.Policy;

/// <summary>
/// One outbound rule as the policy file states it (az ml YAML: name, type, destination). JSON (a policy travels in
/// Durable inputs) carries the policy-file type as the <c>type</c> discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PolicyFqdnRule), "fqdn")]
[JsonDerivedType(typeof(PolicyServiceTagRule), "service_tag")]
[JsonDerivedType(typeof(PolicyPrivateEndpointRule), "private_endpoint")]
public abstract record PolicyOutboundRule(string Name)
{
    /// <summary>The policy-file spelling of the type: fqdn, service_tag or private_endpoint (written as the discriminator).</summary>
    [JsonIgnore]
    public abstract string Type { get; }
}
