namespace Mnet.Emulator.ResourceManager;

/// <summary>A resource provider namespace and the types it publishes.</summary>
public sealed record ProviderDefinition(string Namespace, IReadOnlyList<ProviderResourceTypeDefinition> ResourceTypes)
{
    public ProviderResourceTypeDefinition? Find(string resourceType) =>
        ResourceTypes.FirstOrDefault(t => t.ResourceType.Equals(resourceType, StringComparison.OrdinalIgnoreCase));
}
