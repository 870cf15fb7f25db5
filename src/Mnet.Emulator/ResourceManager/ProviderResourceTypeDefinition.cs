namespace Mnet.Emulator.ResourceManager;

/// <summary>
/// A resource type a provider publishes: its api-versions, newest first (SDKs take the first one), and whether it
/// is deployed to regions (its <c>locations</c> list) or is global.
/// </summary>
/// <param name="ResourceType">The type below the namespace, e.g. <c>storageAccounts</c> or <c>workspaces/computes</c>.</param>
public sealed record ProviderResourceTypeDefinition(string ResourceType, IReadOnlyList<string> ApiVersions, bool Regional);
