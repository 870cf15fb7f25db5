using System.Text.Json;
using Mnet.Core.Catalog;
using Mnet.Core.Policy;
using Mnet.Core.Posture;
using Mnet.Core.Posture.Readiness;
using Mnet.Core.Resources;
using Mnet.Core.Tests.Posture;
using static Mnet.Core.Tests.Posture.PostureFixture;

namespace Mnet.Core.Tests.Posture.Readiness;

/// <summary>The readiness list: computes to recreate, what each private endpoint becomes, the policy that would do it.</summary>
public class PostureReadinessTests
{
    private const string SearchId = $"/subscriptions/{Sub}/resourceGroups/rg-shared/providers/Microsoft.Search/searchServices/srch-shared";
    private const string FactoryId = $"/subscriptions/{Sub}/resourceGroups/rg-shared/providers/Microsoft.DataFactory/factories/adf-shared";

    private static PostureReadiness Readiness(PostureFixture f, IsolationMode mode = IsolationMode.AllowOnlyApprovedOutbound) =>
        f.Audit(new PostureOptions { TargetIsolationMode = mode }).Readiness!;

    [Fact]
    public void Computes_in_customer_subnets_are_recreated_and_block_enabling_the_managed_network()
    {
        var f = new PostureFixture();
        f.Computes["no-vnet"] = Compute("no-vnet", "AmlCompute", null, publicIp: true);
        var r = Readiness(f);
        Assert.Equal(
            [
                new ComputeRecreation("cpu-build", "AmlCompute", TrainingSubnet, BlocksEnabling: true),
                new ComputeRecreation("ci-alice", "ComputeInstance", TrainingSubnet, BlocksEnabling: true),
                new ComputeRecreation("no-vnet", "AmlCompute", null, BlocksEnabling: false),
            ],
            r.ComputesToRecreate);
        Assert.Contains(r.Notes, n => n.StartsWith("cpu-build, ci-alice sit in a customer subnet", StringComparison.Ordinal));
        Assert.Contains(ManagedNetworkMoveFacts.RecreateComputes.Statement, r.Notes);
        Assert.Equal("require_approval", r.Policy.ComputeMigration!.Mode);
        Assert.Null(r.Policy.ComputeMigration.SkipUnsupported);
    }

    [Fact]
    public void Unsupported_computes_are_left_in_place_and_the_policy_skips_them_attached_ones_are_untouched()
    {
        var f = new PostureFixture();
        f.Computes["aks"] = Compute("aks", "Kubernetes", null, publicIp: null);
        f.Computes["dbx"] = Compute("dbx", "Databricks", null, publicIp: null);
        f.Networks[OtherVnetId]["location"] = "westus";
        f.Computes["west"] = Compute("west", "AmlCompute", OtherVnetSubnet, publicIp: false);
        f.Computes["west"]["properties"]!["computeLocation"] = "westus";
        var r = Readiness(f);
        Assert.Equal(["aks", "west"], r.UnsupportedComputes.Select(c => c.Name));
        Assert.Equal(["dbx"], r.UntouchedComputes.Select(c => c.Name));
        Assert.DoesNotContain(r.ComputesToRecreate, c => c.Name is "aks" or "dbx" or "west");
        Assert.True(r.Policy.ComputeMigration!.SkipUnsupported);
        Assert.Contains(r.Notes, n => n.StartsWith("Left in place: aks (", StringComparison.Ordinal));
    }

    [Fact]
    public void Managed_online_endpoints_are_recreated_too()
    {
        var f = new PostureFixture();
        f.OnlineEndpoints.Add(Obj($$"""{"id":"{{WorkspaceId}}/onlineEndpoints/score","name":"score","location":"eastus","properties":{"authMode":"Key"} }"""));
        Assert.Equal(["score"], Readiness(f).OnlineEndpointsToRecreate);
    }

    [Fact]
    public void Nothing_to_recreate_means_no_compute_migration_block()
    {
        var f = new PostureFixture();
        f.Computes.Clear();
        f.WorkspaceProperties.Remove("imageBuildCompute");
        var r = Readiness(f);
        Assert.Empty(r.ComputesToRecreate);
        Assert.Null(r.Policy.ComputeMigration);
    }

    [Fact]
    public void The_workspace_endpoint_stays_and_default_resources_become_required_rules_in_approved_mode()
    {
        var r = Readiness(new PostureFixture());
        Assert.Equal(
            [
                (Pe("pe-cr"), RegistryId, "registry", PrivateEndpointMoveKind.RequiredRule),
                (Pe("pe-kv"), KeyVaultId, "vault", PrivateEndpointMoveKind.RequiredRule),
                (Pe("pe-st-blob"), StorageId, "blob", PrivateEndpointMoveKind.RequiredRule),
                (Pe("pe-ws1"), WorkspaceId, "amlworkspace", PrivateEndpointMoveKind.StaysInbound),
            ],
            r.PrivateEndpoints.Select(m => (m.PrivateEndpointId, m.TargetResourceId, m.Subresource!, m.Kind)));
        Assert.All(r.PrivateEndpoints, m => Assert.Equal("Approved", m.Status));
        Assert.Empty(r.OutboundRules);
        Assert.Null(r.Policy.ApproverRoles);
    }

    [Fact]
    public void In_internet_mode_a_default_resource_with_public_access_is_reached_publicly_one_without_needs_a_required_rule()
    {
        var f = new PostureFixture();
        f.PropertiesOf(KeyVaultId)["publicNetworkAccess"] = "Enabled";
        var r = Readiness(f, IsolationMode.AllowInternetOutbound);
        Assert.Equal(PrivateEndpointMoveKind.NoRule, r.PrivateEndpoints.Single(m => m.TargetResourceId == KeyVaultId).Kind);
        Assert.Equal(PrivateEndpointMoveKind.RequiredRule, r.PrivateEndpoints.Single(m => m.TargetResourceId == StorageId).Kind);
        Assert.Equal("allow_internet_outbound", r.Policy.ManagedNetwork.IsolationMode);
        Assert.Equal(IsolationMode.AllowInternetOutbound, r.TargetIsolationMode);
    }

    [Fact]
    public void Endpoints_in_the_workspace_vnet_to_other_resources_become_outbound_rules_in_the_policy_shape()
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-search")] = Endpoint("pe-search", EndpointSubnet, SearchId, "SEARCHSERVICE");
        var r = Readiness(f);
        var move = r.PrivateEndpoints.Single(m => m.TargetResourceId == SearchId);
        Assert.Equal(PrivateEndpointMoveKind.OutboundRule, move.Kind);
        Assert.Equal("searchService", move.Subresource);
        Assert.Equal("pe-srch-shared-searchservice", move.RuleName);
        var rule = Assert.Single(r.OutboundRules);
        Assert.Equal(
            """{"name":"pe-srch-shared-searchservice","type":"private_endpoint","destination":{"service_resource_id":"/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-shared/providers/Microsoft.Search/searchServices/srch-shared","subresource_target":"searchService","spark_enabled":false}}""",
            JsonSerializer.Serialize(rule));
        Assert.Equal(new PolicyPrivateEndpointRule("pe-srch-shared-searchservice",
            new PolicyPrivateEndpointDestination(SearchId, "searchService", false)), rule.ToPolicyRule());
        Assert.Equal(new PolicyFragmentApproverRoles { Assign = true, CustomRoleForUncoveredTypes = false }, r.Policy.ApproverRoles);
        Assert.Contains(ManagedNetworkMoveFacts.ApprovalPermission.Statement, r.Notes);
    }

    [Fact]
    public void Two_endpoints_to_one_target_and_subresource_share_one_rule()
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-search")] = Endpoint("pe-search", EndpointSubnet, SearchId, "searchService");
        f.Endpoints[Pe("pe-search-2")] = Endpoint("pe-search-2", TrainingSubnet, SearchId, "searchService");
        var r = Readiness(f);
        Assert.Single(r.OutboundRules);
        Assert.Equal(["pe-srch-shared-searchservice", "pe-srch-shared-searchservice"],
            r.PrivateEndpoints.Where(m => m.TargetResourceId == SearchId).Select(m => m.RuleName));
    }

    [Fact]
    public void A_target_type_not_covered_by_the_built_in_approver_role_asks_for_the_custom_role()
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-adf")] = Endpoint("pe-adf", EndpointSubnet, FactoryId, "dataFactory");
        Assert.True(Readiness(f).Policy.ApproverRoles!.CustomRoleForUncoveredTypes);
    }

    [Theory]
    [InlineData("/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-web/providers/Microsoft.Web/sites/app1", "sites", "Microsoft.Web/sites is not a private endpoint target")]
    [InlineData(SearchId, "blob", "Subresource \"blob\" is not one the managed network supports for Azure AI Search")]
    public void Endpoints_without_a_managed_network_equivalent_are_not_supported_and_noted(string target, string group, string note)
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-x")] = Endpoint("pe-x", EndpointSubnet, target, group);
        var r = Readiness(f);
        var move = r.PrivateEndpoints.Single(m => m.TargetResourceId == target);
        Assert.Equal(PrivateEndpointMoveKind.NotSupported, move.Kind);
        Assert.Null(move.RuleName);
        Assert.StartsWith(note, move.Note, StringComparison.Ordinal);
        Assert.Empty(r.OutboundRules);
        Assert.Contains(r.Notes, n => n.StartsWith($"Private endpoint {Pe("pe-x")} to {target} has no managed network equivalent", StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoints_elsewhere_to_unrelated_targets_are_not_the_workspace_business()
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-other")] = Endpoint("pe-other", OtherVnetSubnet, SearchId, "searchService");
        Assert.DoesNotContain(Readiness(f).PrivateEndpoints, m => m.PrivateEndpointId == Pe("pe-other"));
    }

    [Fact]
    public void A_connection_only_the_target_shows_is_listed_too()
    {
        var f = new PostureFixture();
        f.Endpoints.Remove(Pe("pe-st-blob"));
        var move = Readiness(f).PrivateEndpoints.Single(m => m.PrivateEndpointId == Pe("pe-st-blob"));
        Assert.Equal(StorageId, move.TargetResourceId);
        Assert.Equal(PrivateEndpointMoveKind.RequiredRule, move.Kind);
        Assert.Null(move.Subresource);
    }

    [Fact]
    public void Long_target_names_are_cut_to_the_rule_name_pattern_and_kept_unique()
    {
        var f = new PostureFixture();
        var longName = $"/subscriptions/{Sub}/resourceGroups/rg-shared/providers/Microsoft.Storage/storageAccounts/stverylongsharedstorage01";
        f.Endpoints[Pe("pe-a")] = Endpoint("pe-a", EndpointSubnet, longName, "blob");
        f.Endpoints[Pe("pe-b")] = Endpoint("pe-b", EndpointSubnet, longName + "x", "blob");
        var names = Readiness(f).OutboundRules.Select(r => r.Name).ToList();
        Assert.Equal(2, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches(OutboundRules.RuleNamePattern, n));
        Assert.Equal(["pe-stverylongsharedstorage01-blob", "pe-stverylongsharedstorage-blob-2"], names);
    }

    [Fact]
    public void The_policy_fragment_loads_as_a_valid_policy_carrying_the_rules_and_settings()
    {
        var f = new PostureFixture();
        f.Endpoints[Pe("pe-search")] = Endpoint("pe-search", EndpointSubnet, SearchId, "searchService");
        f.Endpoints[Pe("pe-adf")] = Endpoint("pe-adf", EndpointSubnet, FactoryId, "dataFactory");
        f.Computes["aks"] = Compute("aks", "Kubernetes", null, publicIp: null);
        var r = Readiness(f);
        var json = JsonSerializer.Serialize(r.Policy, PostureJson.Options);
        var loaded = PolicyLoader.Load(json, "fragment.json");
        Assert.True(loaded.Ok, string.Join("\n", loaded.Problems.Select(p => p.Message)));
        var policy = loaded.Policy!;
        Assert.Equal("ws1-managed-network", policy.Name);
        Assert.Equal([Sub], policy.Scope.Subscriptions);
        Assert.Equal(["rg-ml"], policy.Scope.ResourceGroups);
        Assert.Equal(IsolationMode.AllowOnlyApprovedOutbound, policy.ManagedNetwork.IsolationMode);
        Assert.Equal(r.OutboundRules.Select(x => (PolicyOutboundRule)x.ToPolicyRule()), policy.ManagedNetwork.OutboundRules);
        Assert.Equal("disabled", policy.PublicNetworkAccess);
        Assert.Equal("cpu-build", policy.ImageBuildCompute);
        Assert.Equal(ComputeMigrationMode.RequireApproval, policy.ComputeMigration.Mode);
        Assert.True(policy.ComputeMigration.SkipUnsupported);
        Assert.True(policy.ApproverRoles.Assign);
        Assert.True(policy.ApproverRoles.CustomRoleForUncoveredTypes);
    }

    [Fact]
    public void A_public_workspace_keeps_its_setting_and_is_told_how_to_close_it()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties["publicNetworkAccess"] = "Enabled";
        var r = Readiness(f);
        Assert.Null(r.Policy.PublicNetworkAccess);
        Assert.Contains(r.Notes, n => n.Contains("public_network_access: disabled", StringComparison.Ordinal));
        Assert.DoesNotContain("public_network_access", JsonSerializer.Serialize(r.Policy, PostureJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void The_target_mode_must_be_a_managed_mode()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new PostureFixture().Audit(new PostureOptions { TargetIsolationMode = IsolationMode.Disabled }));
        Assert.Contains("managed mode", e.Message);
    }
}
