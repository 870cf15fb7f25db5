namespace Mnet.Core.Catalog;

/// <summary>A private endpoint rule of a pack to the workspace's default storage account.</summary>
public sealed record DefaultStoragePrivateEndpointPackRule(string Name, string Subresource) : PackRule(Name)
{
    public override string Kind => "private_endpoint_default_storage";
}
