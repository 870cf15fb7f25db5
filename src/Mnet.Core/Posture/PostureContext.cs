using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Posture.Inputs;
using Mnet.Core.Resources;

namespace Mnet.Core.Posture;

/// <summary>The audit's view of its input: lookups by id (ARM ids compare without case) and the workspace's VNets.</summary>
internal sealed class PostureContext
{
    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

    private readonly Dictionary<string, DependencyResource> dependencies = new(Ids);
    private readonly Dictionary<string, PrivateEndpoint> endpoints = new(Ids);
    private readonly Dictionary<string, VirtualNetwork> networks = new(Ids);
    private Dictionary<string, List<(PrivateEndpoint Endpoint, PrivateLinkServiceConnection Connection)>>? byTarget;

    public PostureContext(PostureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Input = input;
        Workspace = input.Workspace;
        WorkspaceId = ResourceId.Parse(Workspace.Id);
        Region = WorkspaceFacts.NormalizeRegion(Workspace.Location);
        Network = WorkspaceNetworkView.Of(Workspace);
        foreach (var d in input.Dependencies) dependencies.TryAdd(d.Id, d);
        foreach (var e in input.PrivateEndpoints) endpoints.TryAdd(e.Id, e);
        foreach (var n in input.VirtualNetworks) networks.TryAdd(n.Id, n);
        WorkspaceVnets = FindWorkspaceVnets();
    }

    public PostureInput Input { get; }
    public Workspace Workspace { get; }
    public ResourceId WorkspaceId { get; }
    public string? Region { get; }
    public WorkspaceNetworkView Network { get; }

    /// <summary>VNets of the workspace's approved private endpoints; without any, the VNets of its computes' subnets.</summary>
    public IReadOnlySet<string> WorkspaceVnets { get; }

    public string? StorageId => Blank(Workspace.Properties.StorageAccount);
    public string? KeyVaultId => Blank(Workspace.Properties.KeyVault);
    public string? RegistryId => Blank(Workspace.Properties.ContainerRegistry);
    public string? ApplicationInsightsId => Blank(Workspace.Properties.ApplicationInsights);

    /// <summary>The workspace's storage, key vault and registry (ids as set).</summary>
    public IEnumerable<string> DefaultResourceIds =>
        RequiredRules.WorkspaceDefaultResourceIds(Workspace.Id, Workspace.Properties).Skip(1).Where(id => !string.IsNullOrWhiteSpace(id));

    public DependencyResource? Dependency(string? id) => id is not null && dependencies.TryGetValue(id, out var d) ? d : null;

    public PrivateEndpoint? Endpoint(string? id) => id is not null && endpoints.TryGetValue(id, out var e) ? e : null;

    public VirtualNetwork? Vnet(string? id) => id is not null && networks.TryGetValue(id, out var n) ? n : null;

    /// <summary>The VNet id of a subnet id; null when it is not a subnet id.</summary>
    public static string? VnetOfSubnet(string? subnetId) => PostureLinks.VnetOfSubnet(subnetId);

    /// <summary>The subnet exists in a VNet of the input.</summary>
    public bool SubnetKnown(string subnetId)
    {
        var vnet = Vnet(VnetOfSubnet(subnetId));
        if (vnet is null) return false;
        var name = ResourceId.Parse(subnetId).Name;
        var subnets = vnet.Properties?.Subnets;
        // A VNet read without its subnets (a projection) cannot refute the subnet.
        return subnets is null || subnets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase) ||
            ResourceId.Same(s.Id, subnetId));
    }

    /// <summary>Every private endpoint connection (endpoint side) in the input, with its endpoint.</summary>
    public IEnumerable<(PrivateEndpoint Endpoint, PrivateLinkServiceConnection Connection)> AllConnections() =>
        endpoints.Values.SelectMany(e =>
            (e.Properties?.PrivateLinkServiceConnections ?? [])
                .Concat(e.Properties?.ManualPrivateLinkServiceConnections ?? [])
                .Select(c => (e, c)));

    /// <summary>Connections to a target as the endpoints show them.</summary>
    public IEnumerable<(PrivateEndpoint Endpoint, PrivateLinkServiceConnection Connection)> ConnectionsTo(string targetId) =>
        ByTarget.TryGetValue(targetId, out var list) ? list : [];

    // Built once: readers may pass every endpoint of a subscription and the checks ask per target.
    private Dictionary<string, List<(PrivateEndpoint Endpoint, PrivateLinkServiceConnection Connection)>> ByTarget =>
        byTarget ??= AllConnections()
            .Where(p => !string.IsNullOrEmpty(p.Connection.Properties?.PrivateLinkServiceId))
            .GroupBy(p => p.Connection.Properties!.PrivateLinkServiceId!, Ids)
            .ToDictionary(g => g.Key, g => g.ToList(), Ids);

    /// <summary>The target-side connections of the workspace or a dependency.</summary>
    public IReadOnlyList<PrivateEndpointConnection> TargetConnections(string targetId) =>
        ResourceId.Same(targetId, Workspace.Id)
            ? Network.Connections
            : Dependency(targetId)?.Properties?.PrivateEndpointConnections ?? [];

    /// <summary>Ids of the private endpoints approved on a target (either side says so).</summary>
    public IReadOnlySet<string> ApprovedEndpoints(string targetId)
    {
        var ids = new HashSet<string>(Ids);
        foreach (var c in TargetConnections(targetId))
        {
            if (IsApproved(c.Properties?.PrivateLinkServiceConnectionState) && c.Properties?.PrivateEndpoint?.Id is { } id)
            {
                ids.Add(id);
            }
        }
        foreach (var (endpoint, connection) in ConnectionsTo(targetId))
        {
            if (IsApproved(connection.Properties?.PrivateLinkServiceConnectionState)) ids.Add(endpoint.Id);
        }
        return ids;
    }

    /// <summary>Any connection at all to a target (either side), whatever its state.</summary>
    public bool HasAnyConnection(string targetId) =>
        TargetConnections(targetId).Count > 0 || ConnectionsTo(targetId).Any();

    /// <summary>The VNets holding the approved private endpoints of a target (endpoints the input knows).</summary>
    public IReadOnlySet<string> ApprovedEndpointVnets(string targetId) =>
        ApprovedEndpoints(targetId)
            .Select(id => VnetOfSubnet(Endpoint(id)?.Properties?.Subnet?.Id))
            .OfType<string>()
            .ToHashSet(Ids);

    /// <summary>The VNet is the workspace's, or (when <paramref name="peeredAllowed"/>) peered with one of them.</summary>
    public bool InWorkspaceVnets(string vnetId, bool peeredAllowed) =>
        WorkspaceVnets.Contains(vnetId) || (peeredAllowed && WorkspaceVnets.Any(w => Peered(w, vnetId)));

    /// <summary>A Connected peering from either side.</summary>
    public bool Peered(string a, string b) => PeersTo(a, b) || PeersTo(b, a);

    public static bool IsApproved(PrivateLinkServiceConnectionState? state) =>
        string.Equals(state?.Status, CustomVnetFacts.ApprovedConnectionStatus, StringComparison.OrdinalIgnoreCase);

    public static bool IsDisabled(string? publicNetworkAccess) =>
        string.Equals(publicNetworkAccess, CustomVnetFacts.PublicNetworkAccessDisabled, StringComparison.OrdinalIgnoreCase);

    public static string? SubnetOf(ComputeResource compute) => PostureLinks.SubnetOf(compute);

    public static bool HasPublicIp(ComputeResource compute) => PostureLinks.HasPublicIp(compute);

    private bool PeersTo(string from, string to) =>
        (Vnet(from)?.Properties?.VirtualNetworkPeerings ?? []).Any(p =>
            ResourceId.Same(p.Properties?.RemoteVirtualNetwork?.Id, to) &&
            string.Equals(p.Properties?.PeeringState, CustomVnetFacts.ConnectedPeeringState, StringComparison.OrdinalIgnoreCase));

    private HashSet<string> FindWorkspaceVnets()
    {
        var vnets = ApprovedEndpointVnets(Workspace.Id).ToHashSet(Ids);
        if (vnets.Count > 0) return vnets;
        return Input.Computes
            .Where(c => ComputeMigration.MigratableComputeTypes.Contains(c.Properties.ComputeType))
            .Select(c => VnetOfSubnet(SubnetOf(c)))
            .OfType<string>()
            .ToHashSet(Ids);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
