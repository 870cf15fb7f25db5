namespace Mnet.Core.Posture;

/// <summary>Stable finding codes of the posture audit (docs, JSON and tests name them).</summary>
public static class PostureCodes
{
    public const string WorkspacePrivateEndpointMissing = "workspace-private-endpoint-missing";
    public const string WorkspacePrivateEndpointNotApproved = "workspace-private-endpoint-not-approved";
    public const string WorkspacePublicNetworkAccess = "workspace-public-network-access";
    public const string WorkspaceIpAllowList = "workspace-ip-allowlist";
    public const string DependencyNotRead = "dependency-not-read";
    public const string StorageNotIsolated = "storage-not-isolated";
    public const string KeyVaultNotIsolated = "key-vault-not-isolated";
    public const string ContainerRegistryNotIsolated = "container-registry-not-isolated";
    public const string ContainerRegistryNotPremium = "container-registry-not-premium";
    public const string StoragePrivateEndpointOutsideVnet = "storage-private-endpoint-outside-vnet";
    public const string KeyVaultPrivateEndpointOutsideVnet = "key-vault-private-endpoint-outside-vnet";
    public const string ContainerRegistryPrivateEndpointOutsideVnet = "container-registry-private-endpoint-outside-vnet";
    public const string ComputeNotInVnet = "compute-not-in-vnet";
    public const string ComputeSubnetNotFound = "compute-subnet-not-found";
    public const string ComputeSubnetOtherSubscription = "compute-subnet-other-subscription";
    public const string ComputeInstanceOtherRegion = "compute-instance-other-region";
    public const string ComputeClusterOtherRegion = "compute-cluster-other-region";
    public const string ComputePublicIp = "compute-public-ip";
    public const string ImageBuildComputeMissing = "image-build-compute-missing";
    public const string ImageBuildComputeInvalid = "image-build-compute-invalid";
    public const string ApplicationInsightsPrivateLink = "app-insights-private-link";
    public const string AzureMonitorPrivateOnlyMode = "azure-monitor-private-only-mode";
}
