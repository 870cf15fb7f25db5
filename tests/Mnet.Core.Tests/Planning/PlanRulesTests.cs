using Mnet.Core.Planning;
using Mnet.Core.Policy;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/planner/plan-rules.test.ts.</summary>
public class PlanRulesTests
{
    private static Workspace Approved(params (string Name, OutboundRule Rule)[] rules) =>
        MakeWorkspace(mode: IsolationMode.AllowOnlyApprovedOutbound, rules: RequiredRules().With(rules));

    private static Mnet.Core.Policy.Policy WithRules(params PolicyOutboundRule[] rules) => MakePolicy(rules: rules);

    [Fact]
    public void Required_recommended_and_dependency_rules_are_never_touched_even_when_absent_from_the_policy()
    {
        var ws = Approved(
            ("recommended", FqdnRule("recommended.example.com", "Recommended")),
            ("dep", new FqdnOutboundRule { Category = "Dependency", Status = "Active", Destination = "dep.example.com" }));
        var p = Planner.Plan(MakePolicy(), State(ws));
        Assert.True(p.Compliant, string.Join(", ", p.Ids()));
    }

    [Theory]
    [InlineData("Required")]
    [InlineData("Recommended")]
    public void A_policy_rule_with_the_name_of_a_service_rule_refuses_the_plan(string category)
    {
        var ws = Approved(("taken", FqdnRule("x.example.com", category)));
        var policy = WithRules(Fqdn("other", "other.example.com"), Fqdn("taken", "y.example.com"));
        var p = Planner.Plan(policy, State(ws));
        Assert.False(p.Compliant);
        Assert.Equal("rule-name-taken", p.Refused?.Rule);
        Assert.Matches($"\"taken\" exists as a {category} rule \\(x\\.example\\.com\\).*y\\.example\\.com", p.Refused?.Reason);
        Assert.Empty(p.Steps); // a refused plan has no steps
        Assert.False(p.HasWarning("firewall-cost")); // no warnings about steps that are not planned
    }

    [Fact]
    public void The_same_destination_under_a_service_rules_name_is_satisfied_not_refused()
    {
        var same = Planner.Plan(WithRules(Fqdn("taken", "x.example.com")), State(Approved(("taken", FqdnRule("x.example.com", "Recommended")))));
        Assert.True(same.Compliant);
    }

    [Fact]
    public void A_user_rule_whose_type_changes_to_fqdn_is_removed_then_added_again_and_counts_as_the_first_fqdn_rule()
    {
        var search = ResId("Microsoft.Search", "searchServices", "srch01");
        var ws = Approved(("web", PeRule(search, "searchService")));
        var p = Planner.Plan(WithRules(Fqdn("web", "web.example.com")), State(ws));
        Assert.Equal(["remove-rule:web", "add-rule:web", "provision-network"], p.Ids());
        var add = Assert.IsType<AddRuleStep>(p.Steps[1]);
        Assert.True(add.Params.AddsFirstFqdnRule);
        Assert.True(add.Flags.Costly);
        Assert.Contains(p.Warnings, w => w.Code == "firewall-cost" && w.StepId == "add-rule:web");
        var provision = Assert.IsType<ProvisionNetworkStep>(p.Steps[2]);
        Assert.Equal(40, provision.Params.EstimatedMinutes); // 30 + 10 for the first FQDN rule
        Assert.Contains("changes type PrivateEndpoint -> FQDN", p.Steps[0].Reason, StringComparison.Ordinal);
    }

    private static PrivateEndpointOutboundRule StoragePe(bool? sparkEnabled = null) => new()
    {
        Category = "UserDefined",
        Destination = new PrivateEndpointDestination { ServiceResourceId = Storage, SubresourceTarget = "blob", SparkEnabled = sparkEnabled },
    };

    private static ServiceTagOutboundRule StorageTag(string portRanges) => new()
    {
        Destination = new ServiceTagDestination { ServiceTag = "Storage", Protocol = "TCP", PortRanges = portRanges },
    };

    public static TheoryData<OutboundRule, OutboundRule> RulePairs() => new()
    {
        { FqdnRule("PyPI.org"), FqdnRule("pypi.org") },
        { FqdnRule("a.example.com"), FqdnRule("b.example.com") },
        { StoragePe(), StoragePe(false) },
        { StoragePe(true), StoragePe(false) },
        { StorageTag("443, 80"), StorageTag("80,443") },
        { StorageTag("443"), StorageTag("80") },
        // Rules read from ARM may lack what the records declare required.
        { new ServiceTagOutboundRule { Destination = null! }, StorageTag("443") },
        // Read without portRanges vs an empty port list: the two functions used to disagree here.
        { new ServiceTagOutboundRule { Destination = new ServiceTagDestination { ServiceTag = "Storage", Protocol = "TCP", PortRanges = null! } }, StorageTag("") },
        { FqdnRule("x.example.com"), StoragePe() },
    };

    [Theory]
    [MemberData(nameof(RulePairs))]
    public void Rule_differences_is_empty_exactly_when_same_rule_holds(OutboundRule actual, OutboundRule desired)
    {
        Assert.Equal(ArmRules.SameRule(actual, desired), ArmRules.RuleDifferences(actual, desired).Count == 0);
    }

    [Fact]
    public void Rule_differences_name_the_destination_or_the_type()
    {
        Assert.Equal(["destination: Storage TCP 443 -> Storage TCP 80"], ArmRules.RuleDifferences(StorageTag("443"), StorageTag("80")));
        Assert.Equal(["type: FQDN -> PrivateEndpoint"], ArmRules.RuleDifferences(FqdnRule("x.example.com"), StoragePe()));
        Assert.True(ArmRules.SameRule(StorageTag("443, 80"), StorageTag("80,443")));
        Assert.False(ArmRules.SameRule(StoragePe(true), StoragePe(false)));
    }

    [Fact]
    public void A_user_rule_whose_destination_differs_is_updated_and_one_not_in_the_policy_is_removed()
    {
        var ws = Approved(("pypi", FqdnRule("pypi.python.org")), ("stale", FqdnRule("old.example.com")), ("keep", FqdnRule("keep.example.com")));
        var policy = WithRules(Fqdn("pypi", "pypi.org"), Fqdn("keep", "keep.example.com"), Fqdn("new-one", "new.example.com"));
        var p = Planner.Plan(policy, State(ws));
        Assert.Equal(["add-rule:new-one", "update-rule:pypi", "remove-rule:stale"], p.Ids());
        var update = Assert.IsType<UpdateRuleStep>(p.Steps[1]);
        Assert.Equal(["destination: pypi.python.org -> pypi.org"], update.Params.Changes);
        var remove = Assert.IsType<RemoveRuleStep>(p.Steps[2]);
        Assert.True(remove.Flags.Disruptive);
        // An FQDN rule already existed: no firewall surcharge.
        Assert.False(p.Steps[0].Flags.Costly);
    }

    [Fact]
    public void Rule_names_compare_without_case_and_service_tag_ports_compare_as_sets()
    {
        var tag = new ServiceTagOutboundRule
        {
            Category = "UserDefined",
            Status = "Active",
            Destination = new ServiceTagDestination
            {
                ServiceTag = "Storage",
                Protocol = "TCP",
                PortRanges = "80, 443",
                Action = "Allow",
                AddressPrefixes = ["1.2.3.0/24"],
            },
        };
        var ws = Approved(("PyPI", FqdnRule("pypi.org")), ("tag", tag));
        var policy = WithRules(
            Fqdn("pypi", "pypi.org"),
            new PolicyServiceTagRule("tag", new PolicyServiceTagDestination("storage", "tcp", "443,80")));
        Assert.True(Planner.Plan(policy, State(ws)).Compliant);
    }

    [Fact]
    public void A_private_endpoint_rule_whose_subresource_or_spark_flag_differs_is_updated()
    {
        var target = ResId("Microsoft.Storage", "storageAccounts", "data01");
        var ws = Approved(("data", PeRule(target, "blob")));
        var p = Planner.Plan(WithRules(Pe("data", target, "blob", spark: true)), State(ws));
        Assert.Equal(["update-rule:data", "assign-approver-roles"], p.Ids());
    }

    [Fact]
    public void Rules_being_deleted_are_not_removed_again()
    {
        var ws = Approved(("going", FqdnRule("a.example.com") with { Status = "Deleting" }));
        Assert.True(Planner.Plan(MakePolicy(), State(ws)).Compliant);
    }

    [Fact]
    public void Rules_listed_separately_win_over_the_inline_copy()
    {
        var ws = Approved(("inline", FqdnRule("inline.example.com")));
        var p = Planner.Plan(MakePolicy(), new WorkspaceState
        {
            Workspace = ws,
            OutboundRules = RequiredRules().With(("listed", FqdnRule("listed.example.com"))),
        });
        Assert.Equal(["remove-rule:listed"], p.Ids());
    }

    [Fact]
    public void Guard_a_rule_type_the_target_mode_does_not_accept_refuses_the_plan()
    {
        var policy = MakePolicy(IsolationMode.AllowInternetOutbound, [Fqdn("pypi", "pypi.org")]);
        var p = Planner.Plan(policy, new WorkspaceState { Workspace = MakeWorkspace(mode: IsolationMode.Disabled), Computes = [] });
        Assert.Equal("rule-type-not-allowed", p.Refused?.Rule);
        Assert.Empty(p.Steps);
    }

    [Fact]
    public void Rule_packs_are_part_of_the_desired_rules_expanded_per_workspace()
    {
        var policy = MakePolicy() with { RulePacks = ["batch_endpoints"] };
        var p = Planner.Plan(policy, State(Approved()));
        var adds = p.Steps.OfType<AddRuleStep>().ToList();
        Assert.Equal(["add-rule:batch-storage-queue", "add-rule:batch-storage-table"], adds.Select(s => s.Id));
        var first = Assert.IsType<PrivateEndpointOutboundRule>(adds[0].Params.Rule);
        Assert.Equal(Storage, first.Destination.ServiceResourceId);
        // The default storage account needs no approver role.
        Assert.DoesNotContain(p.Steps, s => s is AssignApproverRolesStep);
    }
}
