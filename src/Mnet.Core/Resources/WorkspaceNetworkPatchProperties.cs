namespace Mnet.Core.Resources;

/// <summary><c>properties</c> of a <see cref="WorkspaceNetworkPatch"/>; null members are left out of the body.</summary>
public sealed record WorkspaceNetworkPatchProperties
{
    public ManagedNetworkPatch? ManagedNetwork { get; init; }
    public string? PublicNetworkAccess { get; init; }
    /// <summary>An empty string resets the image build compute.</summary>
    public string? ImageBuildCompute { get; init; }
}
