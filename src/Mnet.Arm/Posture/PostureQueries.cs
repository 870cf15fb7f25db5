namespace Mnet.Arm.Posture;

/// <summary>
/// The Resource Graph queries of the posture reader (the KQL subset the emulator also answers: where, in~, =~,
/// project, order by). Ids are quoted as KQL strings.
/// </summary>
public static class PostureQueries
{
    /// <summary>Columns a workspace row needs to deserialize as a workspace.</summary>
    private const string WorkspaceColumns = "id, name, type, location, kind, tags, identity, sku, properties";

    /// <summary>Columns a dependency, VNet or private endpoint row needs.</summary>
    private const string ResourceColumns = "id, name, type, location, kind, sku, properties";

    /// <summary>Every ML workspace in the queried subscriptions.</summary>
    public const string AllWorkspaces =
        $"resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project {WorkspaceColumns} | order by id asc";

    /// <summary>Every VNet in the queried subscriptions (subnets and peerings inline).</summary>
    public const string VirtualNetworks =
        $"resources | where type =~ 'microsoft.network/virtualnetworks' | project {ResourceColumns} | order by id asc";

    /// <summary>Every private endpoint in the queried subscriptions (with their connections' states).</summary>
    public const string PrivateEndpoints =
        $"resources | where type =~ 'microsoft.network/privateendpoints' | project {ResourceColumns} | order by id asc";

    /// <summary>
    /// Every resource of the types a workspace depends on (storage, key vault, registry, Application Insights) and every
    /// Azure Monitor Private Link Scope in the queried subscriptions: one query for a whole scan, whatever its size.
    /// </summary>
    public const string DependenciesByType =
        $"resources | where type in~ ('microsoft.storage/storageaccounts', 'microsoft.keyvault/vaults', 'microsoft.containerregistry/registries', 'microsoft.insights/components', 'microsoft.insights/privatelinkscopes') | project {ResourceColumns} | order by id asc";

    /// <summary>Workspaces by id.</summary>
    public static string Workspaces(IEnumerable<string> ids) =>
        $"resources | where type =~ 'microsoft.machinelearningservices/workspaces' | where id in~ ({List(ids)}) | project {WorkspaceColumns} | order by id asc";

    /// <summary>Any resources by id (dependencies, Azure Monitor Private Link Scopes).</summary>
    public static string Resources(IEnumerable<string> ids) =>
        $"resources | where id in~ ({List(ids)}) | project {ResourceColumns} | order by id asc";

    /// <summary>A KQL string list: 'a', 'b' (quotes and backslashes escaped).</summary>
    public static string List(IEnumerable<string> values) =>
        string.Join(", ", values.Select(v => $"'{v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'"));
}
