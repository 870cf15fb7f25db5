using System.Text.Json.Nodes;
using Mnet.Core.Posture;
using Mnet.Core.Tests.Posture;
using static Mnet.Core.Tests.Posture.PostureFixture;

namespace Mnet.Core.Tests.Posture.Checks;

/// <summary>Storage, key vault and registry: read, behind the VNet, endpoints placed right, registry Premium.</summary>
public class DependencyFindingsTests
{
    private static PostureFixture Exposed(string id, string endpoint)
    {
        var f = new PostureFixture();
        FindingCases.Expose(f, id, endpoint);
        return f;
    }

    [Theory]
    [InlineData(StorageId, "pe-st-blob", PostureCodes.StorageNotIsolated)]
    [InlineData(KeyVaultId, "pe-kv", PostureCodes.KeyVaultNotIsolated)]
    [InlineData(RegistryId, "pe-cr", PostureCodes.ContainerRegistryNotIsolated)]
    public void Public_access_disabled_alone_isolates_a_dependency(string id, string endpoint, string code)
    {
        var f = Exposed(id, endpoint);
        Assert.Contains(code, f.Codes());
        f.PropertiesOf(id)["publicNetworkAccess"] = "Disabled";
        Assert.DoesNotContain(code, f.Codes());
    }

    [Theory]
    [InlineData(StorageId, "pe-st-blob", "blob", PostureCodes.StorageNotIsolated)]
    [InlineData(KeyVaultId, "pe-kv", "vault", PostureCodes.KeyVaultNotIsolated)]
    [InlineData(RegistryId, "pe-cr", "registry", PostureCodes.ContainerRegistryNotIsolated)]
    public void An_approved_private_endpoint_alone_isolates_a_dependency_and_a_pending_one_does_not(
        string id, string endpoint, string group, string code)
    {
        var f = Exposed(id, endpoint);
        f.Endpoints[Pe(endpoint)] = Endpoint(endpoint, EndpointSubnet, id, group, "Pending");
        Assert.Contains(code, f.Codes());
        f.Endpoints[Pe(endpoint)] = Endpoint(endpoint, EndpointSubnet, id, group);
        Assert.DoesNotContain(code, f.Codes());
    }

    [Theory]
    [InlineData(StorageId, "pe-st-blob", PostureCodes.StorageNotIsolated)]
    [InlineData(KeyVaultId, "pe-kv", PostureCodes.KeyVaultNotIsolated)]
    public void Network_rules_to_the_workspace_vnet_isolate_but_rules_to_another_vnet_do_not(string id, string endpoint, string code)
    {
        var f = Exposed(id, endpoint);
        f.PropertiesOf(id)["networkAcls"] = Obj($$"""{"defaultAction":"Deny","virtualNetworkRules":[{"id":"{{OtherVnetSubnet}}"}]}""");
        Assert.Contains(code, f.Codes());
        f.PropertiesOf(id)["networkAcls"] = Obj($$"""{"defaultAction":"Deny","virtualNetworkRules":[{"id":"{{TrainingSubnet}}"}]}""");
        Assert.DoesNotContain(code, f.Codes());
    }

    [Fact]
    public void Network_rules_to_a_peered_vnet_isolate()
    {
        var f = Exposed(StorageId, "pe-st-blob");
        f.PropertiesOf(StorageId)["networkAcls"] = Obj($$"""{"defaultAction":"Deny","virtualNetworkRules":[{"id":"{{OtherVnetSubnet}}"}]}""");
        f.Peer(VnetId, OtherVnetId);
        Assert.DoesNotContain(PostureCodes.StorageNotIsolated, f.Codes());
    }

    [Fact]
    public void Rules_that_allow_by_default_or_list_only_ip_addresses_do_not_isolate()
    {
        var f = Exposed(StorageId, "pe-st-blob");
        f.PropertiesOf(StorageId)["networkAcls"] = Obj($$"""{"defaultAction":"Allow","virtualNetworkRules":[{"id":"{{TrainingSubnet}}"}]}""");
        Assert.Contains(PostureCodes.StorageNotIsolated, f.Codes());
        f.PropertiesOf(StorageId)["networkAcls"] = Obj("""{"defaultAction":"Deny","ipRules":[{"value":"203.0.113.9"}]}""");
        var finding = Assert.Single(f.Audit().Findings, x => x.Code == PostureCodes.StorageNotIsolated);
        Assert.Contains("default action Deny and 0 virtual network rule(s)", finding.Problem);
    }

    [Fact]
    public void A_registry_network_rule_set_that_denies_with_ip_rules_only_is_not_behind_the_vnet()
    {
        var f = Exposed(RegistryId, "pe-cr");
        f.PropertiesOf(RegistryId)["networkRuleSet"] = Obj("""{"defaultAction":"Deny","ipRules":[{"action":"Allow","value":"203.0.113.9"}]}""");
        Assert.Contains(PostureCodes.ContainerRegistryNotIsolated, f.Codes());
    }

    [Theory]
    [InlineData("Premium", false)]
    [InlineData("premium", false)]
    [InlineData("Basic", true)]
    [InlineData(null, true)]
    public void The_registry_must_be_Premium(string? sku, bool flagged)
    {
        var f = new PostureFixture();
        if (sku is null) f.Dependencies[RegistryId].Remove("sku");
        else f.Dependencies[RegistryId]["sku"] = new JsonObject { ["name"] = sku };
        Assert.Equal(flagged, f.Codes().Contains(PostureCodes.ContainerRegistryNotPremium));
    }

    [Fact]
    public void A_workspace_without_a_registry_has_no_registry_findings()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties.Remove("containerRegistry");
        f.Dependencies.Remove(RegistryId);
        f.RemoveEndpoint("pe-cr");
        Assert.Empty(f.Codes());
    }

    [Theory]
    [InlineData(StorageId)]
    [InlineData(KeyVaultId)]
    [InlineData(RegistryId)]
    [InlineData(InsightsId)]
    public void Every_dependency_that_cannot_be_read_is_named(string id)
    {
        var f = new PostureFixture();
        f.Dependencies.Remove(id);
        var finding = Assert.Single(f.Audit().Findings);
        Assert.Equal(PostureCodes.DependencyNotRead, finding.Code);
        Assert.Equal(id, finding.ResourceId);
    }

    [Fact]
    public void A_storage_endpoint_in_a_peered_vnet_is_still_outside_but_key_vault_and_registry_ones_are_not()
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-st-blob")] = Endpoint("pe-st-blob", OtherVnetSubnet, StorageId, "blob");
        f.Endpoints[Pe("pe-kv")] = Endpoint("pe-kv", OtherVnetSubnet, KeyVaultId, "vault");
        f.Endpoints[Pe("pe-cr")] = Endpoint("pe-cr", OtherVnetSubnet, RegistryId, "registry");
        f.Peer(VnetId, OtherVnetId);
        Assert.Equal([PostureCodes.StoragePrivateEndpointOutsideVnet], f.Codes());
    }

    [Fact]
    public void A_peering_that_is_not_Connected_does_not_count()
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-kv")] = Endpoint("pe-kv", OtherVnetSubnet, KeyVaultId, "vault");
        f.Peer(VnetId, OtherVnetId, "Initiated");
        Assert.Equal([PostureCodes.KeyVaultPrivateEndpointOutsideVnet], f.Codes());
    }

    [Fact]
    public void One_endpoint_in_the_workspace_vnet_is_enough_when_others_are_elsewhere()
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-cr-hub")] = Endpoint("pe-cr-hub", OtherVnetSubnet, RegistryId, "registry");
        Assert.Empty(f.Codes());
    }

    [Fact]
    public void Placement_is_not_judged_when_the_endpoint_is_unknown()
    {
        var f = new PostureFixture();
        // The storage account shows an approved connection whose endpoint the input does not hold.
        f.Endpoints.Remove(Pe("pe-st-blob"));
        Assert.Empty(f.Codes());
    }
}
