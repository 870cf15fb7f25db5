namespace Mnet.Core.Posture.Checks;

/// <summary>A default resource of the workspace with the rules that judge it.</summary>
/// <param name="PeeredAllowed">Its private endpoint may sit in a VNet peered with the workspace's.</param>
internal sealed record DefaultResourceKind(
    string Label,
    Func<PostureContext, string?> IdOf,
    PostureRule NotIsolated,
    PostureRule OutsideVnet,
    bool PeeredAllowed)
{
    public static IReadOnlyList<DefaultResourceKind> All { get; } =
    [
        new("storage account", c => c.StorageId, PostureRules.StorageNotIsolated,
            PostureRules.StoragePrivateEndpointOutsideVnet, PeeredAllowed: false),
        new("key vault", c => c.KeyVaultId, PostureRules.KeyVaultNotIsolated,
            PostureRules.KeyVaultPrivateEndpointOutsideVnet, PeeredAllowed: true),
        new("container registry", c => c.RegistryId, PostureRules.ContainerRegistryNotIsolated,
            PostureRules.ContainerRegistryPrivateEndpointOutsideVnet, PeeredAllowed: true),
    ];
}
