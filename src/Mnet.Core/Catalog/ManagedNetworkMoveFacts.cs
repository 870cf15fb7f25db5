namespace Mnet.Core.Catalog;

/// <summary>
/// What moving a customer-VNet workspace to the managed network requires, one entry per fact, each quoted from
/// "Workspace managed network isolation" (seed 001). The posture audit's readiness list applies them.
/// </summary>
public static class ManagedNetworkMoveFacts
{
    private const string S001 = SeedDocuments.ManagedNetwork;

    public static SeedFact RecreateComputes { get; } = new(
        "recreate-computes",
        "Every managed compute (cluster, instance, managed online endpoint) is deleted and recreated; one in a customer " +
        "subnet blocks enabling the managed network until it is deleted.",
        S001,
        "You'll need to delete all existing managed compute resources and recreate them after enabling the managed virtual network.");

    public static SeedFact NoCustomerVnetComputes { get; } = new(
        "no-customer-vnet-computes",
        "Once the managed network is on, computes are created in it, never in a customer subnet.",
        S001,
        "When using Managed virtual network, you can't deploy compute resources inside your custom virtual network.");

    public static SeedFact UnsupportedComputes { get; } = new(
        "unsupported-computes",
        "Kubernetes computes and attached VMs do not move into the managed network.",
        S001,
        "Kubernetes and attached VMs aren't supported in an Azure Machine Learning managed virtual network.");

    public static SeedFact PrivateEndpointsBecomeRules { get; } = new(
        "private-endpoints-become-rules",
        "The customer VNet's private endpoints to other resources become private endpoint outbound rules.",
        S001,
        "The managed virtual network can use private endpoints for Azure resources that are used by your workspace, such as Azure Storage, Azure Key Vault, and Azure Container Registry.");

    public static SeedFact DefaultResourcesRequired { get; } = new(
        "default-resources-required",
        "Private endpoints to the workspace's storage, key vault and registry become Required rules the service adds: " +
        "always in approved-outbound mode, in internet-outbound mode for those with public access disabled.",
        S001,
        "It's also configured for private endpoint connections to your workspace, workspace's default storage, container registry, and key vault if they're configured as private or the workspace isolation mode is set to allow only approved outbound.");

    public static SeedFact InboundEndpointStays { get; } = new(
        "inbound-endpoint-stays",
        "The workspace's own private endpoint in the customer VNet stays: it carries inbound access.",
        S001,
        "For example, a private endpoint for the workspace is created in your Azure Virtual Network.");

    public static SeedFact ApprovalPermission { get; } = new(
        "approval-permission",
        "The workspace identity needs permission to approve each private endpoint rule's connection on its target.",
        S001,
        "To establish private endpoint connections in managed virtual networks using Azure Machine Learning, the workspace managed identity, whether system-assigned or user-assigned, and the user identity that initiates the creation of the private endpoint, must have permissions to approve the Private Endpoint connections on the target resources.");

    public static IReadOnlyList<SeedFact> All { get; } =
    [
        RecreateComputes, NoCustomerVnetComputes, UnsupportedComputes, PrivateEndpointsBecomeRules,
        DefaultResourcesRequired, InboundEndpointStays, ApprovalPermission,
    ];
}
