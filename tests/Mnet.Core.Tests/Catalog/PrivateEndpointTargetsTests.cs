using Mnet.Core.Catalog;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Private endpoint targets (no TS test file of their own; approver coverage is in ApproverRolesTests).</summary>
public sealed class PrivateEndpointTargetsTests
{
    [Fact]
    public void Storage_has_every_subresource_and_is_the_only_spark_capable_target()
    {
        var storage = PrivateEndpointTargets.Find("microsoft.storage/storageaccounts");
        Assert.NotNull(storage);
        Assert.Equal(
            ["blob", "blob_secondary", "file", "queue", "queue_secondary", "table", "table_secondary", "dfs", "dfs_secondary", "web", "web_secondary"],
            storage.Subresources);
        Assert.Equal(["Microsoft.Storage/storageAccounts"], PrivateEndpointTargets.All.Where(t => t.SparkCapable).Select(t => t.ResourceType));
    }

    [Theory]
    [InlineData("Microsoft.MachineLearningServices/workspaces", "amlworkspace")]
    [InlineData("Microsoft.KeyVault/vaults", "vault")]
    [InlineData("Microsoft.ContainerRegistry/registries", "registry")]
    [InlineData("Microsoft.CognitiveServices/accounts", "account")]
    [InlineData("Microsoft.Search/searchServices", "searchService")]
    [InlineData("Microsoft.Insights/privateLinkScopes", "azuremonitor")]
    public void Documented_targets_and_their_subresources(string type, string subresource)
    {
        Assert.Contains(subresource, PrivateEndpointTargets.Find(type)!.Subresources);
    }

    [Fact]
    public void Unsupported_types_are_not_found_and_the_list_names_every_type_once()
    {
        Assert.Null(PrivateEndpointTargets.Find("Microsoft.Web/sites"));
        Assert.Equal(21, PrivateEndpointTargets.All.Count);
        Assert.Equal(PrivateEndpointTargets.All.Count,
            PrivateEndpointTargets.All.Select(t => t.ResourceType.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count());
        Assert.StartsWith("Microsoft.MachineLearningServices/workspaces, Microsoft.MachineLearningServices/registries, ",
            PrivateEndpointTargets.SupportedTargetTypeList());
        Assert.False(PrivateEndpointTargets.Find("Microsoft.DBforMariaDB/servers")!.ApproverRoleCovers);
    }
}
