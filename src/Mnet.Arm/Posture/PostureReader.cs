using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Models;
using Mnet.Core.Planning;
using Mnet.Core.Posture;
using Mnet.Core.Posture.Inputs;
using Mnet.Core.Resources;

namespace Mnet.Arm.Posture;

/// <summary>
/// Reads what the posture audit needs (<see cref="PostureInput"/>) through <see cref="IArmClient"/>: Resource Graph
/// first (workspaces, their dependencies, every VNet and private endpoint of the subscriptions involved, Azure
/// Monitor Private Link Scopes), then GETs only for what it cannot give: computes and online endpoints (Resource
/// Graph does not index them), and a dependency the query did not return (a GET that is refused or finds nothing
/// leaves it out: the audit reports it as not read). The identity needs read on the network resources for Resource
/// Graph to return them.
/// </summary>
public sealed class PostureReader(IArmClient arm)
{
    /// <summary>
    /// Every RBAC action the reader needs: Resource Graph and the types it must be allowed to see there
    /// (<see cref="ArmActions.ResourceGraphReads"/>, the dependencies' types), and the GETs it falls back to.
    /// </summary>
    public static IReadOnlyList<string> RequiredActions { get; } =
    [
        .. new[]
        {
            ArmOperation.QueryResourceGraph, ArmOperation.ReadWorkspace, ArmOperation.ReadComputes, ArmOperation.ReadOnlineEndpoints,
            ArmOperation.ReadStorageAccount, ArmOperation.ReadKeyVault, ArmOperation.ReadContainerRegistry, ArmOperation.ReadApplicationInsights,
        }.Select(ArmActions.Of),
        .. ArmActions.ResourceGraphReads,
    ];

    /// <summary>Ids per Resource Graph query: keeps the query text short.</summary>
    private const int IdsPerQuery = 100;

    private static readonly StringComparer Ids = StringComparer.OrdinalIgnoreCase;

    /// <summary>One workspace's input; throws <see cref="ArmNotFoundException"/> when the workspace does not exist.</summary>
    public async Task<PostureInput> ReadAsync(string workspaceId, CancellationToken cancellationToken = default) =>
        (await ReadAsync([workspaceId], cancellationToken))[0];

    /// <summary>The inputs of these workspaces, in the order given (a workspace with a managed network gets no computes read).</summary>
    public async Task<IReadOnlyList<PostureInput>> ReadAsync(
        IReadOnlyList<string> workspaceIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspaceIds);
        foreach (var id in workspaceIds)
        {
            if (!ResourceId.IsWorkspaceId(id))
            {
                throw new ArgumentException($"\"{id}\" is not a workspace id (/subscriptions/{{s}}/resourceGroups/{{rg}}/providers/Microsoft.MachineLearningServices/workspaces/{{name}}).", nameof(workspaceIds));
            }
        }
        var found = new Dictionary<string, Workspace>(Ids);
        foreach (var chunk in workspaceIds.Distinct(Ids).Chunk(IdsPerQuery))
        {
            var rows = await arm.QueryResourceGraphAsync<Workspace>(PostureQueries.Workspaces(chunk), Subscriptions(chunk), null, cancellationToken);
            foreach (var w in rows) found.TryAdd(w.Id, w);
        }
        var workspaces = new List<Workspace>();
        foreach (var id in workspaceIds)
        {
            // Resource Graph lags behind writes: a workspace it does not know yet is read directly.
            workspaces.Add(found.TryGetValue(id, out var w) ? w : await arm.GetWorkspaceAsync(id, cancellationToken));
        }
        return await ComposeAsync(workspaces, cancellationToken);
    }

    /// <summary>Every workspace without a managed network in these subscriptions, with its input.</summary>
    public async Task<IReadOnlyList<PostureInput>> ReadSubscriptionsAsync(
        IReadOnlyCollection<string> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var rows = await arm.QueryResourceGraphAsync<Workspace>(PostureQueries.AllWorkspaces, subscriptions, null, cancellationToken);
        var unmanaged = rows.Where(w => !WorkspaceFacts.IsManaged(WorkspaceFacts.ActualIsolationMode(w))).ToList();
        return await ComposeAsync(unmanaged, cancellationToken);
    }

    /// <summary>
    /// The inputs of workspaces a scan already holds, from Resource Graph alone (three queries, paged, whatever the
    /// number of workspaces): their dependencies and scopes by type, every VNet and private endpoint. No computes or
    /// online endpoints (the inputs leave them empty) and no GET: a dependency Resource Graph does not return counts
    /// as not read. Workspaces with a managed network are left out.
    /// </summary>
    public async Task<IReadOnlyList<PostureInput>> ReadFromGraphAsync(
        IReadOnlyList<Workspace> workspaces, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspaces);
        var unmanaged = workspaces.Where(w => !WorkspaceFacts.IsManaged(WorkspaceFacts.ActualIsolationMode(w))).ToList();
        if (unmanaged.Count == 0) return [];
        var subscriptions = Subscriptions(unmanaged.Select(w => w.Id).Concat(unmanaged.SelectMany(w => DefaultIds(w).Select(d => d.Id))));
        var dependencies = new Dictionary<string, DependencyResource>(Ids);
        foreach (var row in await arm.QueryResourceGraphAsync<DependencyResource>(PostureQueries.DependenciesByType, subscriptions, null, cancellationToken))
        {
            dependencies.TryAdd(row.Id, row);
        }
        var vnets = await arm.QueryResourceGraphAsync<VirtualNetwork>(PostureQueries.VirtualNetworks, subscriptions, null, cancellationToken);
        var privateEndpoints = await arm.QueryResourceGraphAsync<PrivateEndpoint>(PostureQueries.PrivateEndpoints, subscriptions, null, cancellationToken);
        return
        [
            .. unmanaged.Select(w => new PostureInput
            {
                Workspace = w,
                Dependencies = [.. DependencyIdsOf(w, dependencies).Distinct(Ids).Select(id => dependencies.GetValueOrDefault(id)).OfType<DependencyResource>()],
                PrivateEndpoints = privateEndpoints,
                VirtualNetworks = vnets,
            }),
        ];
    }

    private async Task<IReadOnlyList<PostureInput>> ComposeAsync(List<Workspace> workspaces, CancellationToken ct)
    {
        if (workspaces.Count == 0) return [];
        var computes = new Dictionary<string, IReadOnlyList<ComputeResource>>(Ids);
        var endpoints = new Dictionary<string, IReadOnlyList<OnlineEndpoint>>(Ids);
        foreach (var w in workspaces.Where(w => !WorkspaceFacts.IsManaged(WorkspaceFacts.ActualIsolationMode(w))))
        {
            computes[w.Id] = await arm.ListComputesAsync(w.Id, ct);
            endpoints[w.Id] = await arm.ListOnlineEndpointsAsync(w.Id, ct);
        }

        var dependencies = await ReadDependenciesAsync(workspaces, ct);
        var subscriptions = workspaces.Select(w => w.Id)
            .Concat(dependencies.Keys)
            .Concat(computes.Values.SelectMany(list => list).Select(PostureLinks.SubnetOf).OfType<string>())
            .ToList();
        var vnets = await arm.QueryResourceGraphAsync<VirtualNetwork>(PostureQueries.VirtualNetworks, Subscriptions(subscriptions), null, ct);
        var privateEndpoints = await arm.QueryResourceGraphAsync<PrivateEndpoint>(PostureQueries.PrivateEndpoints, Subscriptions(subscriptions), null, ct);

        return
        [
            .. workspaces.Select(w => new PostureInput
            {
                Workspace = w,
                Dependencies = [.. DependencyIdsOf(w, dependencies).Select(id => dependencies.GetValueOrDefault(id)).OfType<DependencyResource>()],
                PrivateEndpoints = privateEndpoints,
                VirtualNetworks = vnets,
                Computes = computes.GetValueOrDefault(w.Id) ?? [],
                OnlineEndpoints = endpoints.GetValueOrDefault(w.Id) ?? [],
            }),
        ];
    }

    /// <summary>Dependencies of every workspace by id: Resource Graph, GET for the ones it misses, then the scopes their Application Insights name.</summary>
    private async Task<Dictionary<string, DependencyResource>> ReadDependenciesAsync(List<Workspace> workspaces, CancellationToken ct)
    {
        var wanted = workspaces.SelectMany(w => DefaultIds(w).Select(d => d.Id)).Distinct(Ids).ToList();
        var found = await QueryByIdAsync(wanted, ct);
        foreach (var (id, kind) in workspaces.SelectMany(DefaultIds).DistinctBy(d => d.Id, Ids).Where(d => !found.ContainsKey(d.Id)))
        {
            if (await GetDependencyOrNullAsync(kind, id, ct) is { } resource) found[id] = resource;
        }
        var scopes = found.Values
            .SelectMany(d => d.Properties?.PrivateLinkScopedResources ?? [])
            .Select(s => PostureLinks.PrivateLinkScopeOf(s.ResourceId))
            .OfType<string>()
            .Where(id => ResourceId.TryParse(id, out _))
            .Distinct(Ids)
            .ToList();
        foreach (var (id, scope) in await QueryByIdAsync(scopes, ct)) found.TryAdd(id, scope);
        return found;
    }

    private async Task<Dictionary<string, DependencyResource>> QueryByIdAsync(List<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, DependencyResource>(Ids);
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            foreach (var row in await arm.QueryResourceGraphAsync<DependencyResource>(PostureQueries.Resources(chunk), Subscriptions(chunk), null, ct))
            {
                found.TryAdd(row.Id, row);
            }
        }
        return found;
    }

    private async Task<DependencyResource?> GetDependencyOrNullAsync(DependencyKind kind, string id, CancellationToken ct)
    {
        try
        {
            var resource = await arm.GetDependencyAsync(kind, id, ct);
            // The same JSON, read as the audit's shape.
            return ArmJson.Deserialize<DependencyResource>(ArmJson.Serialize(resource with { Id = resource.Id ?? id }));
        }
        catch (ArmNotFoundException)
        {
            return null;
        }
        catch (ArmAuthorizationFailedException)
        {
            return null;
        }
    }

    /// <summary>The workspace's storage, key vault, registry and Application Insights ids, with their kinds.</summary>
    private static IEnumerable<(string Id, DependencyKind Kind)> DefaultIds(Workspace w)
    {
        var p = w.Properties;
        foreach (var (id, kind) in new[]
        {
            (p.StorageAccount, DependencyKind.StorageAccount),
            (p.KeyVault, DependencyKind.KeyVault),
            (p.ContainerRegistry, DependencyKind.ContainerRegistry),
            (p.ApplicationInsights, DependencyKind.ApplicationInsights),
        })
        {
            if (ResourceId.TryParse(id, out _)) yield return (id!, kind);
        }
    }

    /// <summary>A workspace's dependency ids and the scopes its Application Insights is in.</summary>
    private static IEnumerable<string> DependencyIdsOf(Workspace w, Dictionary<string, DependencyResource> all)
    {
        foreach (var (id, _) in DefaultIds(w))
        {
            yield return id;
            foreach (var scoped in all.GetValueOrDefault(id)?.Properties?.PrivateLinkScopedResources ?? [])
            {
                if (PostureLinks.PrivateLinkScopeOf(scoped.ResourceId) is { } scope) yield return scope;
            }
        }
    }

    /// <summary>The distinct subscriptions of ids (lower case).</summary>
    private static string[] Subscriptions(IEnumerable<string> ids) =>
        [.. ids.Select(id => ResourceId.TryParse(id, out var parsed) ? parsed.SubscriptionId.ToLowerInvariant() : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
}
