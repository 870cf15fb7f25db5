using Mnet.Core.Resources;

namespace Mnet.Core.Catalog;

/// <summary>
/// Rules the service adds itself (category Required). The product never removes or fights them.
/// Source: facts page "Required rules".
/// </summary>
public static class RequiredRules
{
    public static IReadOnlyList<string> RequiredOutboundServiceTags { get; } =
    [
        "AzureActiveDirectory",
        "AzureMachineLearning",
        "BatchNodeManagement.{region}",
        "AzureResourceManager",
        "AzureFrontDoor.FirstParty",
        "MicrosoftContainerRegistry",
        "AzureMonitor",
    ];

    /// <summary>Added as well when private endpoints exist.</summary>
    public const string RequiredServiceTagWithPrivateEndpoints = "VirtualNetwork";

    /// <summary>Inbound service tag the service needs.</summary>
    public const string RequiredInboundServiceTag = "AzureMachineLearning";

    /// <summary>Port the service uses for intellisense.</summary>
    public const int IntellisensePort = 18881;

    /// <summary>Port the service uses for compute instance management.</summary>
    public const int ComputeInstanceManagementPort = 5831;

    /// <summary>
    /// Default resources that get a Required private endpoint: always in approved-outbound mode; in internet-outbound
    /// mode only those whose public network access is disabled.
    /// </summary>
    public static IReadOnlyList<RequiredPrivateEndpointResource> RequiredPrivateEndpointResources { get; } =
    [
        new("self", "amlworkspace"),
        new("storageAccount", "blob"),
        new("storageAccount", "file"),
        new("keyVault", "vault"),
        new("containerRegistry", "registry"),
    ];

    /// <summary>
    /// Workspace properties (JSON names) naming its default resources. Creation already let the workspace identity
    /// approve private endpoint connections on them, so they need no approver role.
    /// Source: facts page "Approval of private endpoints".
    /// </summary>
    public static IReadOnlyList<string> WorkspaceDefaultResourceProperties { get; } =
        ["storageAccount", "keyVault", "containerRegistry"];

    /// <summary>The workspace's own id and the ids of its default resources, as given (blank values left out).</summary>
    public static IReadOnlyList<string> WorkspaceDefaultResourceIds(string workspaceId, WorkspaceProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var ids = new List<string> { workspaceId };
        foreach (var property in WorkspaceDefaultResourceProperties)
        {
            var value = ReadResourceProperty(properties, property);
            if (!string.IsNullOrEmpty(value)) ids.Add(value);
        }
        return ids;
    }

    /// <summary>The value of a workspace property that names a resource (JSON name), or null when it is not set.</summary>
    public static string? ReadResourceProperty(WorkspaceProperties properties, string property) => property switch
    {
        "storageAccount" => properties.StorageAccount,
        "keyVault" => properties.KeyVault,
        "containerRegistry" => properties.ContainerRegistry,
        "applicationInsights" => properties.ApplicationInsights,
        "hubResourceId" => properties.HubResourceId,
        _ => throw new ArgumentException($"\"{property}\" is not a workspace property that names a resource.", nameof(property)),
    };

    /// <summary>Fills the region into a tag such as BatchNodeManagement.{region}.</summary>
    public static string ExpandRegion(string tag, string region) =>
        tag.Replace("{region}", region, StringComparison.Ordinal);
}
