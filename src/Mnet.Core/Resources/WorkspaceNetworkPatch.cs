namespace Mnet.Core.Resources;

/// <summary>The only workspace PATCH body the product sends: the network settings and nothing else.</summary>
public sealed record WorkspaceNetworkPatch
{
    public required WorkspaceNetworkPatchProperties Properties { get; init; }
}
