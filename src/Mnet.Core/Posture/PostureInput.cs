using Mnet.Core.Posture.Inputs;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture;

/// <summary>
/// Everything the posture audit reads about one workspace, each resource as ARM returns it. Lists may hold more
/// than this workspace's resources (a reader may pass a whole subscription's private endpoints and VNets): the audit
/// picks what concerns the workspace. A dependency the workspace names but <see cref="Dependencies"/> lacks counts
/// as "could not be read".
/// </summary>
public sealed record PostureInput
{
    /// <summary>The workspace (its properties carry privateEndpointConnections, publicNetworkAccess and, in preview
    /// api-versions, networkAcls / ipAllowlist; they are read from there).</summary>
    public required Workspace Workspace { get; init; }

    /// <summary>Storage account, key vault, container registry, Application Insights, Azure Monitor Private Link Scopes.</summary>
    public IReadOnlyList<DependencyResource> Dependencies { get; init; } = [];

    /// <summary>Private endpoints to the workspace, to its dependencies, and in the workspace's VNets.</summary>
    public IReadOnlyList<PrivateEndpoint> PrivateEndpoints { get; init; } = [];

    /// <summary>VNets of the private endpoints and of the computes' subnets (peerings inline).</summary>
    public IReadOnlyList<VirtualNetwork> VirtualNetworks { get; init; } = [];

    public IReadOnlyList<ComputeResource> Computes { get; init; } = [];

    public IReadOnlyList<OnlineEndpoint> OnlineEndpoints { get; init; } = [];
}
