namespace Mnet.Workflows.Tests.Migration;

/// <summary>What a migration fixture holds: clusters (in a customer subnet when one is given), instances, endpoints.</summary>
/// <param name="NamePrefix">Put in every name (computes may have 24 characters): the largest migrations have long names.</param>
public sealed record ComputeSet(int Clusters, int Instances, int Endpoints, int DeploymentsPerEndpoint, string? SubnetId = null, string NamePrefix = "")
{
    public const string Subnet =
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet-ml/subnets/training";

    /// <summary>The TS acceptance fixture: 3 clusters (customer subnet), 3 instances, 2 endpoints x 2 deployments.</summary>
    public static ComputeSet Full { get; } = new(3, 3, 2, 2, Subnet);
}
