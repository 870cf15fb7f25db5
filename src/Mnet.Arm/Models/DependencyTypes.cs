using Mnet.Arm.Actions;

namespace Mnet.Arm.Models;

/// <summary>
/// The dependency resource types and their api-versions (ML, Authorization and Resources versions live in
/// <see cref="ArmApiVersions"/>), and the types a GET by id may read.
/// </summary>
public static class DependencyTypes
{
    public static IReadOnlyDictionary<DependencyKind, DependencyType> All { get; } =
        new Dictionary<DependencyKind, DependencyType>
        {
            [DependencyKind.StorageAccount] = new("Microsoft.Storage/storageAccounts", "2023-05-01",
                ArmOperation.ReadStorageAccount, ArmOperation.WriteStorageAccount),
            [DependencyKind.KeyVault] = new("Microsoft.KeyVault/vaults", "2023-07-01",
                ArmOperation.ReadKeyVault, ArmOperation.WriteKeyVault),
            [DependencyKind.ContainerRegistry] = new("Microsoft.ContainerRegistry/registries", "2023-07-01",
                ArmOperation.ReadContainerRegistry, ArmOperation.WriteContainerRegistry),
            [DependencyKind.ApplicationInsights] = new("Microsoft.Insights/components", "2020-02-02",
                ArmOperation.ReadApplicationInsights, ArmOperation.WriteApplicationInsights),
        };

    private static readonly Dictionary<string, ArmOperation> MachineLearningReads =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["Microsoft.MachineLearningServices/workspaces"] = ArmOperation.ReadWorkspace,
            ["Microsoft.MachineLearningServices/workspaces/outboundRules"] = ArmOperation.ReadOutboundRules,
            ["Microsoft.MachineLearningServices/workspaces/computes"] = ArmOperation.ReadComputes,
            ["Microsoft.MachineLearningServices/workspaces/onlineEndpoints"] = ArmOperation.ReadOnlineEndpoints,
            ["Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments"] = ArmOperation.ReadDeployments,
        };

    /// <summary>The api-version and read operation for a GET by id of a type the product knows; null otherwise.</summary>
    public static (string ApiVersion, ArmOperation Read)? KnownReadOf(string? resourceType)
    {
        if (resourceType is null) return null;
        foreach (var dependency in All.Values)
        {
            if (string.Equals(dependency.Type, resourceType, StringComparison.OrdinalIgnoreCase))
            {
                return (dependency.ApiVersion, dependency.Read);
            }
        }
        return MachineLearningReads.TryGetValue(resourceType, out var read)
            ? (ArmApiVersions.MachineLearning, read)
            : null;
    }
}
