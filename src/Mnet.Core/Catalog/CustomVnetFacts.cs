namespace Mnet.Core.Catalog;

/// <summary>
/// What a workspace secured with a virtual network the customer manages (no managed network) needs, one entry per
/// fact, each quoted from its seed: "Secure an Azure Machine Learning workspace with virtual networks" (004) and
/// "Secure an Azure Machine Learning training environment with virtual networks" (002). The posture audit
/// (Mnet.Core.Posture) applies them.
/// </summary>
public static class CustomVnetFacts
{
    /// <summary>The connection status that carries traffic (private endpoint connections).</summary>
    public const string ApprovedConnectionStatus = "Approved";

    /// <summary>A peering counts once its status is Connected (<see cref="PeeringConnected"/>).</summary>
    public const string ConnectedPeeringState = "Connected";

    /// <summary>The registry SKU a VNet needs (<see cref="RegistryPremium"/>).</summary>
    public const string RequiredRegistrySku = "Premium";

    /// <summary>publicNetworkAccess when public access is off (Key Vault writes it in lower case: compare without case).</summary>
    public const string PublicNetworkAccessDisabled = "Disabled";

    /// <summary>networkAcls / networkRuleSet default action that restricts access to the listed rules.</summary>
    public const string DenyDefaultAction = "Deny";

    /// <summary>Azure Monitor Private Link Scope access mode that the workspace cannot use (<see cref="AzureMonitorOpenMode"/>).</summary>
    public const string PrivateOnlyAccessMode = "PrivateOnly";

    /// <summary>
    /// enableNodePublicIp when a compute does not say: the REST specification's default (2025-09-01 AmlCompute and
    /// ComputeInstance properties), so a compute that omits it has a public IP.
    /// </summary>
    public const bool NodePublicIpDefault = true;

    private const string S002 = SeedDocuments.TrainingVnet;
    private const string S004 = SeedDocuments.WorkspaceVnet;

    public static SeedFact WorkspacePrivateEndpoint { get; } = new(
        "workspace-private-endpoint",
        "A workspace on a customer VNet has a private endpoint in that VNet.",
        S002,
        "You must use a workspace private endpoint for the compute resource to communicate with Azure Machine Learning services from the VNet.");

    public static SeedFact WorkspacePrivateEndpointApproved { get; } = new(
        "workspace-private-endpoint-approved",
        "Only an approved private endpoint connection carries the workspace's traffic over private addresses.",
        S004,
        "You can then limit access to your workspace to only occur over the private IP addresses.");

    public static SeedFact WorkspacePublicAccess { get; } = new(
        "workspace-public-access",
        "Public network access to a workspace behind a VNet is supported but not recommended: disable it.",
        S004,
        "While this is a supported configuration for Azure Machine Learning, Microsoft doesn't recommend it.");

    public static SeedFact WorkspaceIpAllowList { get; } = new(
        "workspace-ip-allowlist",
        "Public access limited to an IP allow list is still public access: it needs the security team's sign-off.",
        S004,
        "You should verify this configuration with your security team before using it in production.");

    public static SeedFact SecureEveryComponent { get; } = new(
        "secure-every-component",
        "Every dependency must be secured too; one that could not be read cannot be judged.",
        S004,
        "Securing a workspace with private endpoints does not ensure end-to-end security by itself.");

    public static SeedFact StorageBehindVnet { get; } = new(
        "storage-behind-vnet",
        "The storage account is behind the VNet: public network access disabled, network rules to the VNet, or a private endpoint.",
        S004,
        "For example, if you use a private endpoint for the workspace, but your Azure Storage Account is not behind the VNet, traffic between the workspace and storage does not use the VNet for security.");

    public static SeedFact KeyVaultBehindVnet { get; } = new(
        "key-vault-behind-vnet",
        "The key vault is behind the VNet: public network access disabled, network rules to the VNet, or a private endpoint.",
        S004,
        "Azure key vault can be configured to use either a private endpoint or service endpoint.");

    public static SeedFact RegistryBehindVnet { get; } = new(
        "registry-behind-vnet",
        "The container registry is behind the VNet: public network access disabled or a private endpoint.",
        S004,
        "Azure Container Registry can be configured to use a private endpoint.");

    public static SeedFact RegistryPremium { get; } = new(
        "registry-premium",
        $"The container registry's SKU is {RequiredRegistrySku}.",
        S004,
        "Your Azure Container Registry must be Premium version.");

    public static SeedFact StorageEndpointSameVnet { get; } = new(
        "storage-endpoint-same-vnet",
        "The storage account's private endpoint is in the same VNet as the workspace's private endpoint.",
        S004,
        "If the storage account uses a private endpoint, the workspace private endpoint and storage private endpoint must be in the same virtual network.");

    public static SeedFact KeyVaultEndpointVnet { get; } = new(
        "key-vault-endpoint-vnet",
        "The key vault's private endpoint is in the workspace's VNet or a peered one.",
        S004,
        "We recommend that the key vault be in the same VNet as the workspace, however it can be in a peered VNet.");

    public static SeedFact RegistryEndpointVnet { get; } = new(
        "registry-endpoint-vnet",
        "The container registry's private endpoint is in the workspace's VNet or a peered one.",
        S004,
        "If your Azure Container Registry uses a private endpoint, we recommend that it be in the same virtual network as the storage account and compute targets used for training or inference. However it can also be in a peered virtual network.");

    public static SeedFact PeeringConnected { get; } = new(
        "vnet-peering-connected",
        $"A VNet peering counts once its status is {ConnectedPeeringState}.",
        S002,
        "Wait until the VNet Peering status is Connected before continuing.");

    public static SeedFact ComputeInVnet { get; } = new(
        "compute-in-vnet",
        "Compute instances and clusters of a workspace on a customer VNet run in a subnet of that VNet.",
        S002,
        "Azure Machine Learning compute instance, serverless compute, and compute cluster can be used to securely train models in an Azure Virtual Network.");

    public static SeedFact ComputeSubnetExists { get; } = new(
        "compute-subnet-exists",
        "A compute's subnet exists in a VNet that can be read.",
        S002,
        "An existing virtual network and subnet to use with your compute resources.");

    public static SeedFact ComputeVnetSubscription { get; } = new(
        "compute-vnet-subscription",
        "A compute's VNet is in the workspace's subscription.",
        S002,
        "This VNet must be in the same subscription as your Azure Machine Learning workspace.");

    public static SeedFact ComputeInstanceRegion { get; } = new(
        "compute-instance-region",
        "A compute instance's VNet is in the workspace's region.",
        S002,
        "You can't create a compute instance in a different region/VNet, only a compute cluster.");

    public static SeedFact ComputeClusterRegion { get; } = new(
        "compute-cluster-region",
        "A compute cluster in a VNet of another region works (through peering) but costs latency and data transfer.",
        S002,
        "When setting the region, if it is a different region than your workspace or datastores you may see increased network latency and data transfer costs.");

    public static SeedFact ComputeNoPublicIp { get; } = new(
        "compute-no-public-ip",
        "Computes in the VNet have no public IP (enableNodePublicIp: false).",
        S002,
        "Improves security by removing the requirement for inbound traffic from the internet.");

    public static SeedFact ImageBuildCompute { get; } = new(
        "image-build-compute",
        "When the registry or storage is network restricted, the workspace names an image build compute.",
        S004,
        "If your workspace-dependent resources are network restricted, use an image-build-compute instead.");

    public static SeedFact ImageBuildComputeCluster { get; } = new(
        "image-build-compute-cluster",
        "The image build compute is a (CPU) compute cluster of the workspace.",
        S004,
        "To set up an image-build compute, create an Azure Machine Learning CPU SKU compute cluster in the same VNet as your workspace-dependent resources.");

    public static SeedFact ApplicationInsightsPrivateLink { get; } = new(
        "app-insights-private-link",
        "Application Insights is isolated through an Azure Monitor Private Link Scope.",
        S004,
        "Create an Azure Monitor Private Link Scope and add the Application Insights instance from step 1 to the scope.");

    public static SeedFact AzureMonitorOpenMode { get; } = new(
        "azure-monitor-open-mode",
        $"The Azure Monitor Private Link Scope uses the open access mode, not {PrivateOnlyAccessMode}.",
        S004,
        "However, you must use the open Private Link mode in Azure Monitor.");

    public static IReadOnlyList<SeedFact> All { get; } =
    [
        WorkspacePrivateEndpoint, WorkspacePrivateEndpointApproved, WorkspacePublicAccess, WorkspaceIpAllowList,
        SecureEveryComponent, StorageBehindVnet, KeyVaultBehindVnet, RegistryBehindVnet, RegistryPremium,
        StorageEndpointSameVnet, KeyVaultEndpointVnet, RegistryEndpointVnet, PeeringConnected, ComputeInVnet,
        ComputeSubnetExists, ComputeVnetSubscription, ComputeInstanceRegion, ComputeClusterRegion, ComputeNoPublicIp,
        ImageBuildCompute, ImageBuildComputeCluster, ApplicationInsightsPrivateLink, AzureMonitorOpenMode,
    ];
}
