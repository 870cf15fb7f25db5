namespace Mnet.Core.Catalog;

/// <summary>A private endpoint rule of a pack to a resource of a given type that the policy names.</summary>
/// <param name="OptionKey">Key under <c>rule_pack_options.&lt;pack&gt;</c> that names the target resource.</param>
public sealed record ResourceTypePrivateEndpointPackRule(string Name, string ResourceType, string Subresource, string? OptionKey = null)
    : PackRule(Name)
{
    public override string Kind => "private_endpoint_resource_type";
}
