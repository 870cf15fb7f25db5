using Mnet.Core.Catalog;
using C = Mnet.Core.Posture.PostureCodes;
using F = Mnet.Core.Catalog.CustomVnetFacts;

namespace Mnet.Core.Posture;

/// <summary>
/// Every finding the posture audit can report: code, severity, the seed fact behind it, the usual fix. The docs
/// and the HTTP API describe findings from this table.
/// </summary>
public static class PostureRules
{
    public static PostureRule WorkspacePrivateEndpointMissing { get; } = new(
        C.WorkspacePrivateEndpointMissing, PostureSeverity.High, "The workspace has no private endpoint",
        F.WorkspacePrivateEndpoint,
        "Create a private endpoint for the workspace (subresource amlworkspace) in the VNet its computes use.");

    public static PostureRule WorkspacePrivateEndpointNotApproved { get; } = new(
        C.WorkspacePrivateEndpointNotApproved, PostureSeverity.High, "No private endpoint connection of the workspace is approved",
        F.WorkspacePrivateEndpointApproved,
        "Approve the workspace's private endpoint connection (Networking > Private endpoint connections), or recreate the endpoint.");

    public static PostureRule WorkspacePublicNetworkAccess { get; } = new(
        C.WorkspacePublicNetworkAccess, PostureSeverity.High, "The workspace accepts traffic from the public internet",
        F.WorkspacePublicAccess,
        "Set the workspace's publicNetworkAccess to Disabled; clients connect through the VNet (VPN, ExpressRoute, Bastion).");

    public static PostureRule WorkspaceIpAllowList { get; } = new(
        C.WorkspaceIpAllowList, PostureSeverity.Medium, "The workspace is public to an IP allow list",
        F.WorkspaceIpAllowList,
        "Have the security team confirm the allow list, or set publicNetworkAccess to Disabled.");

    public static PostureRule DependencyNotRead { get; } = new(
        C.DependencyNotRead, PostureSeverity.Medium, "A dependency could not be read",
        F.SecureEveryComponent,
        "Grant the reader access to the resource (or restore it), then audit again.");

    public static PostureRule StorageNotIsolated { get; } = new(
        C.StorageNotIsolated, PostureSeverity.High, "The storage account is not behind the VNet",
        F.StorageBehindVnet,
        "Add private endpoints (blob, file) in the workspace's VNet and disable public network access, or restrict networkAcls to the VNet's subnets.");

    public static PostureRule KeyVaultNotIsolated { get; } = new(
        C.KeyVaultNotIsolated, PostureSeverity.High, "The key vault is not behind the VNet",
        F.KeyVaultBehindVnet,
        "Add a private endpoint (vault) in the workspace's VNet and disable public network access, or restrict networkAcls to the VNet's subnets (keep trusted Microsoft services allowed).");

    public static PostureRule ContainerRegistryNotIsolated { get; } = new(
        C.ContainerRegistryNotIsolated, PostureSeverity.High, "The container registry is not behind the VNet",
        F.RegistryBehindVnet,
        "Add a private endpoint (registry) in the workspace's VNet and disable public network access (allow trusted services).");

    public static PostureRule ContainerRegistryNotPremium { get; } = new(
        C.ContainerRegistryNotPremium, PostureSeverity.High, $"The container registry is not {F.RequiredRegistrySku}",
        F.RegistryPremium,
        $"Change the registry's SKU to {F.RequiredRegistrySku}.");

    public static PostureRule StoragePrivateEndpointOutsideVnet { get; } = new(
        C.StoragePrivateEndpointOutsideVnet, PostureSeverity.Medium, "The storage account's private endpoint is not in the workspace's VNet",
        F.StorageEndpointSameVnet,
        "Create the storage account's private endpoints in the VNet of the workspace's private endpoint (any subnet).");

    public static PostureRule KeyVaultPrivateEndpointOutsideVnet { get; } = new(
        C.KeyVaultPrivateEndpointOutsideVnet, PostureSeverity.Medium, "The key vault's private endpoint is neither in the workspace's VNet nor a peered one",
        F.KeyVaultEndpointVnet,
        "Create the key vault's private endpoint in the workspace's VNet, or peer its VNet with the workspace's (peering Connected).");

    public static PostureRule ContainerRegistryPrivateEndpointOutsideVnet { get; } = new(
        C.ContainerRegistryPrivateEndpointOutsideVnet, PostureSeverity.Medium, "The container registry's private endpoint is neither in the workspace's VNet nor a peered one",
        F.RegistryEndpointVnet,
        "Create the registry's private endpoint in the workspace's VNet, or peer its VNet with the workspace's (peering Connected).");

    public static PostureRule ComputeNotInVnet { get; } = new(
        C.ComputeNotInVnet, PostureSeverity.High, "The compute is not in a subnet of the VNet",
        F.ComputeInVnet,
        "Recreate the compute in a subnet of the workspace's VNet (the subnet cannot be changed in place).");

    public static PostureRule ComputeSubnetNotFound { get; } = new(
        C.ComputeSubnetNotFound, PostureSeverity.Medium, "The compute's subnet could not be found",
        F.ComputeSubnetExists,
        "Check that the subnet exists and that the reader may read its VNet; recreate the compute in an existing subnet.");

    public static PostureRule ComputeSubnetOtherSubscription { get; } = new(
        C.ComputeSubnetOtherSubscription, PostureSeverity.High, "The compute's VNet is in another subscription",
        F.ComputeVnetSubscription,
        "Recreate the compute in a subnet of a VNet in the workspace's subscription.");

    public static PostureRule ComputeInstanceOtherRegion { get; } = new(
        C.ComputeInstanceOtherRegion, PostureSeverity.High, "The compute instance's VNet is in another region",
        F.ComputeInstanceRegion,
        "Recreate the compute instance in a VNet in the workspace's region.");

    public static PostureRule ComputeClusterOtherRegion { get; } = new(
        C.ComputeClusterOtherRegion, PostureSeverity.Low, "The compute cluster's VNet is in another region",
        F.ComputeClusterRegion,
        "Keep it only if the data is there; otherwise recreate the cluster in a VNet in the workspace's region (a managed network does not support clusters in another region).");

    public static PostureRule ComputePublicIp { get; } = new(
        C.ComputePublicIp, PostureSeverity.Medium, "The compute has a public IP",
        F.ComputeNoPublicIp,
        "Recreate the compute with enableNodePublicIp: false (it cannot be changed in place); allow the documented outbound service tags in the VNet.");

    public static PostureRule ImageBuildComputeMissing { get; } = new(
        C.ImageBuildComputeMissing, PostureSeverity.Medium, "No image build compute while the registry or storage is network restricted",
        F.ImageBuildCompute,
        "Create a CPU compute cluster in the VNet and set the workspace's imageBuildCompute to its name.");

    public static PostureRule ImageBuildComputeInvalid { get; } = new(
        C.ImageBuildComputeInvalid, PostureSeverity.Medium, "The image build compute is not a compute cluster of the workspace",
        F.ImageBuildComputeCluster,
        "Set imageBuildCompute to the name of a CPU compute cluster of the workspace (or create one).");

    public static PostureRule ApplicationInsightsPrivateLink { get; } = new(
        C.ApplicationInsightsPrivateLink, PostureSeverity.Info, "Application Insights is reached through an Azure Monitor Private Link Scope",
        F.ApplicationInsightsPrivateLink,
        "Nothing to fix. In a managed network, reach the scope with a private endpoint rule (subresource azuremonitor).");

    public static PostureRule AzureMonitorPrivateOnlyMode { get; } = new(
        C.AzureMonitorPrivateOnlyMode, PostureSeverity.Medium, "The Azure Monitor Private Link Scope is in PrivateOnly mode",
        F.AzureMonitorOpenMode,
        "Set the scope's query and ingestion access modes to Open.");

    /// <summary>Every rule, in report order within a severity.</summary>
    public static IReadOnlyList<PostureRule> All { get; } =
    [
        WorkspacePrivateEndpointMissing, WorkspacePrivateEndpointNotApproved, WorkspacePublicNetworkAccess,
        WorkspaceIpAllowList, DependencyNotRead, StorageNotIsolated, KeyVaultNotIsolated, ContainerRegistryNotIsolated,
        ContainerRegistryNotPremium, StoragePrivateEndpointOutsideVnet, KeyVaultPrivateEndpointOutsideVnet,
        ContainerRegistryPrivateEndpointOutsideVnet, ComputeNotInVnet, ComputeSubnetNotFound,
        ComputeSubnetOtherSubscription, ComputeInstanceOtherRegion, ComputeClusterOtherRegion, ComputePublicIp,
        ImageBuildComputeMissing, ImageBuildComputeInvalid, ApplicationInsightsPrivateLink, AzureMonitorPrivateOnlyMode,
    ];

    /// <summary>The rule of a code; null for a code the audit does not report.</summary>
    public static PostureRule? Find(string code) => All.FirstOrDefault(r => r.Code == code);
}
