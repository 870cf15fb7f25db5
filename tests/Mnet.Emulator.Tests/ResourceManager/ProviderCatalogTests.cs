using Mnet.Arm;
using Mnet.Emulator.ResourceManager;

namespace Mnet.Emulator.Tests.ResourceManager;

public sealed class ProviderCatalogTests
{
    [Theory]
    [InlineData(ProviderCatalog.Resources, "resourceGroups", ArmApiVersions.Resources)]
    [InlineData(ProviderCatalog.Resources, "providers", ArmApiVersions.Providers)]
    [InlineData(ProviderCatalog.Authorization, "roleAssignments", ArmApiVersions.Authorization)]
    [InlineData(ProviderCatalog.Authorization, "roleDefinitions", ArmApiVersions.Authorization)]
    [InlineData(ProviderCatalog.Authorization, "locks", ArmApiVersions.Locks)]
    [InlineData(ProviderCatalog.ResourceGraph, "resources", ArmApiVersions.ResourceGraph)]
    [InlineData(ProviderCatalog.MachineLearning, "workspaces", ArmApiVersions.MachineLearning)]
    // What Azure.ResourceManager 1.7.0 sends.
    [InlineData(ProviderCatalog.Resources, "resourceGroups", "2022-09-01")]
    [InlineData(ProviderCatalog.Resources, "subscriptions", "2022-12-01")]
    public void TheVersionsTheProductAndTheSdkSpeakArePublished(string ns, string type, string version) =>
        Assert.True(ProviderCatalog.Policy(ns, type).Accepts(version), $"{ns}/{type} {version}");

    [Fact]
    public void EveryTypeListsItsVersionsNewestFirst_WithoutDuplicates()
    {
        foreach (var type in ProviderCatalog.All.SelectMany(p => p.ResourceTypes))
        {
            Assert.NotEmpty(type.ApiVersions);
            Assert.Equal(type.ApiVersions.Distinct().Count(), type.ApiVersions.Count);
            Assert.Equal(type.ApiVersions.OrderDescending(StringComparer.Ordinal), type.ApiVersions);
        }
    }
}
