using Mnet.Arm;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.ResourceManager;

/// <summary>
/// The resource providers the emulator answers for and the api-versions each type publishes, newest first: ARM
/// accepts every version a provider publishes (official SDKs pin their own, e.g. Azure.ResourceManager 1.7 sends
/// 2022-09-01 to Microsoft.Resources) and refuses others with 400 InvalidApiVersionParameter listing these.
/// Source: the version folders of the public REST API specifications (azure-rest-api-specs) for each provider;
/// live ARM may list a few more (older or preview) versions, so unverified beyond that. Types not listed here are
/// served with any dated version (see <c>GenericResourcesArea</c>). Machine Learning answers only the version the
/// product speaks (the emulator models that version's contract and nothing else).
/// </summary>
public static class ProviderCatalog
{
    public const string Resources = "Microsoft.Resources";
    public const string Authorization = "Microsoft.Authorization";
    public const string ResourceGraph = "Microsoft.ResourceGraph";
    public const string MachineLearning = "Microsoft.MachineLearningServices";

    private static readonly string[] ResourcesVersions =
    [
        "2025-04-01", "2025-03-01", "2024-11-01", "2024-07-01", "2024-03-01", "2023-07-01", "2022-09-01",
        "2021-04-01", "2021-01-01", "2020-10-01", "2020-08-01", "2020-06-01", "2019-10-01", "2019-08-01",
        "2019-07-01", "2019-05-10", "2019-05-01", "2019-03-01", "2018-05-01", "2018-02-01", "2017-05-10",
        "2016-09-01", "2016-07-01", "2016-02-01", "2015-11-01",
    ];

    private static readonly string[] SubscriptionsVersions =
    [
        "2022-12-01", "2021-01-01", "2020-01-01", "2019-11-01", "2019-06-01", "2018-06-01", "2016-06-01", "2015-11-01",
    ];

    private static readonly string[] RoleAssignmentVersions =
    [
        "2022-04-01", "2022-01-01-preview", "2020-10-01-preview", "2020-08-01-preview", "2020-04-01-preview",
        "2020-03-01-preview", "2018-09-01-preview", "2018-01-01-preview", "2015-07-01",
    ];

    private static readonly string[] RoleDefinitionVersions =
        ["2022-05-01-preview", "2022-04-01", "2018-01-01-preview", "2015-07-01"];

    private static readonly string[] LockVersions = ["2020-05-01", "2017-04-01", "2016-09-01", "2015-01-01"];

    private static readonly string[] ResourceGraphVersions =
    [
        "2024-04-01", "2022-10-01", "2021-06-01-preview", "2021-03-01", "2020-09-01-preview", "2020-04-01-preview",
        "2019-04-01", "2018-09-01-preview",
    ];

    private static readonly string[] NetworkVersions =
    [
        "2024-05-01", "2024-03-01", "2024-01-01", "2023-11-01", "2023-09-01", "2023-06-01", "2023-05-01",
        "2023-04-01", "2023-02-01", "2022-11-01", "2022-09-01", "2022-07-01", "2022-05-01", "2022-01-01",
    ];

    private static readonly string[] StorageVersions =
    [
        "2025-01-01", "2024-01-01", "2023-05-01", "2023-04-01", "2023-01-01", "2022-09-01", "2022-05-01",
        "2021-09-01", "2021-08-01", "2021-06-01", "2021-04-01", "2021-02-01", "2021-01-01", "2019-06-01",
        "2019-04-01", "2018-11-01", "2018-07-01", "2018-02-01", "2017-10-01", "2017-06-01", "2016-12-01",
        "2016-05-01", "2016-01-01", "2015-06-15",
    ];

    private static readonly string[] KeyVaultVersions =
        ["2024-11-01", "2023-07-01", "2023-02-01", "2022-07-01", "2021-10-01", "2019-09-01", "2018-02-14", "2016-10-01", "2015-06-01"];

    private static readonly string[] ContainerRegistryVersions =
        ["2025-04-01", "2023-07-01", "2022-12-01", "2021-09-01", "2019-05-01", "2017-10-01", "2017-03-01"];

    private static readonly string[] InsightsComponentVersions = ["2020-02-02", "2015-05-01"];

    private static readonly string[] SearchVersions =
        ["2025-05-01", "2023-11-01", "2022-09-01", "2020-08-01", "2020-03-13", "2015-08-19"];

    private static readonly string[] CognitiveServicesVersions =
    [
        "2025-06-01", "2024-10-01", "2023-05-01", "2022-12-01", "2022-10-01", "2022-03-01", "2021-10-01",
        "2021-04-30", "2017-04-18",
    ];

    private static readonly string[] DataFactoryVersions = ["2018-06-01"];

    private static readonly string[] ManagedIdentityVersions = ["2024-11-30", "2023-01-31", "2018-11-30"];

    public static IReadOnlyList<ProviderDefinition> All { get; } =
    [
        new(Resources,
        [
            Global("resourceGroups", ResourcesVersions),
            Global("subscriptions", SubscriptionsVersions),
            Global("subscriptions/resourceGroups", ResourcesVersions),
            Global("subscriptions/providers", ResourcesVersions),
            Global("subscriptions/resources", ResourcesVersions),
            Global("subscriptions/resourceGroups/resources", ResourcesVersions),
            Global("providers", ResourcesVersions),
            Global("resources", ResourcesVersions),
        ]),
        new(Authorization,
        [
            Global("roleAssignments", RoleAssignmentVersions),
            Global("roleDefinitions", RoleDefinitionVersions),
            Global("permissions", RoleDefinitionVersions),
            Global("locks", LockVersions),
        ]),
        new(ResourceGraph, [Global("resources", ResourceGraphVersions)]),
        new(MachineLearning,
        [
            Regional("workspaces", [ArmApiVersions.MachineLearning]),
            Regional("workspaces/outboundRules", [ArmApiVersions.MachineLearning]),
            Regional("workspaces/computes", [ArmApiVersions.MachineLearning]),
            Regional("workspaces/onlineEndpoints", [ArmApiVersions.MachineLearning]),
            Regional("workspaces/onlineEndpoints/deployments", [ArmApiVersions.MachineLearning]),
            Regional("workspaces/privateEndpointConnections", [ArmApiVersions.MachineLearning]),
        ]),
        new("Microsoft.Network",
            [Regional("virtualNetworks", NetworkVersions), Regional("privateEndpoints", NetworkVersions)]),
        new("Microsoft.Storage", [Regional("storageAccounts", StorageVersions)]),
        new("Microsoft.KeyVault", [Regional("vaults", KeyVaultVersions)]),
        new("Microsoft.ContainerRegistry", [Regional("registries", ContainerRegistryVersions)]),
        new("Microsoft.Insights", [Regional("components", InsightsComponentVersions)]),
        new("Microsoft.Search", [Regional("searchServices", SearchVersions)]),
        new("Microsoft.CognitiveServices", [Regional("accounts", CognitiveServicesVersions)]),
        new("Microsoft.DataFactory", [Regional("factories", DataFactoryVersions)]),
        new("Microsoft.ManagedIdentity", [Regional("userAssignedIdentities", ManagedIdentityVersions)]),
    ];

    public static ProviderDefinition? Find(string providerNamespace) =>
        All.FirstOrDefault(p => p.Namespace.Equals(providerNamespace, StringComparison.OrdinalIgnoreCase));

    /// <summary>A published type, or null when the emulator does not know it (any dated version is then served).</summary>
    public static ProviderResourceTypeDefinition? FindType(string providerNamespace, string resourceType) =>
        Find(providerNamespace)?.Find(resourceType);

    /// <summary>The route policy of a type the catalog lists (a programming error otherwise).</summary>
    public static ApiVersionPolicy Policy(string providerNamespace, string resourceType) =>
        ApiVersionPolicy.Exactly([.. (FindType(providerNamespace, resourceType)
            ?? throw new InvalidOperationException($"{providerNamespace}/{resourceType} is not in the catalog")).ApiVersions]);

    private static ProviderResourceTypeDefinition Global(string type, string[] versions) => new(type, versions, false);

    private static ProviderResourceTypeDefinition Regional(string type, string[] versions) => new(type, versions, true);
}
