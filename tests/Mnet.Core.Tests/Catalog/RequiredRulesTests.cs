using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Catalog;

/// <summary>Port of tests/catalog/required-rules.test.ts.</summary>
public sealed class RequiredRulesTests
{
    [Fact]
    public void Required_outbound_service_tags_of_the_facts_page()
    {
        Assert.Equal(
            [
                "AzureActiveDirectory",
                "AzureFrontDoor.FirstParty",
                "AzureMachineLearning",
                "AzureMonitor",
                "AzureResourceManager",
                "BatchNodeManagement.{region}",
                "MicrosoftContainerRegistry",
            ],
            RequiredRules.RequiredOutboundServiceTags.Order(StringComparer.Ordinal));
        Assert.Equal("BatchNodeManagement.eastus", RequiredRules.ExpandRegion("BatchNodeManagement.{region}", "eastus"));
        Assert.Equal("VirtualNetwork", RequiredRules.RequiredServiceTagWithPrivateEndpoints);
        Assert.Equal("AzureMachineLearning", RequiredRules.RequiredInboundServiceTag);
        Assert.Equal(18881, RequiredRules.IntellisensePort);
        Assert.Equal(5831, RequiredRules.ComputeInstanceManagementPort);
    }

    [Fact]
    public void Default_resources_need_no_approver_role_storage_key_vault_registry_not_application_insights()
    {
        Assert.Equal(["storageAccount", "keyVault", "containerRegistry"], RequiredRules.WorkspaceDefaultResourceProperties);
        var ids = RequiredRules.WorkspaceDefaultResourceIds("/ws", new WorkspaceProperties
        {
            StorageAccount = "/st",
            KeyVault = "/kv",
            ContainerRegistry = "",
            ApplicationInsights = "/appi",
        });
        Assert.Equal(["/ws", "/st", "/kv"], ids);
    }

    [Fact]
    public void Required_private_endpoints_go_to_the_workspace_and_its_default_resources()
    {
        Assert.Equal(
            [("self", "amlworkspace"), ("storageAccount", "blob"), ("storageAccount", "file"), ("keyVault", "vault"), ("containerRegistry", "registry")],
            RequiredRules.RequiredPrivateEndpointResources.Select(r => (r.Property, r.Subresource)));
    }

    [Fact]
    public void Reading_a_property_that_names_no_resource_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => RequiredRules.ReadResourceProperty(new WorkspaceProperties(), "friendlyName"));
        Assert.Contains("friendlyName", error.Message);
    }
}
