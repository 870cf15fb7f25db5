namespace Mnet.Core.Catalog;

/// <summary>One rule of a scenario rule pack; the name is already prefixed with the pack's prefix.</summary>
public abstract record PackRule(string Name)
{
    /// <summary>fqdn, private_endpoint_default_storage or private_endpoint_resource_type.</summary>
    public abstract string Kind { get; }
}
