using Mnet.Core.Planning;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Planning;

/// <summary>Port of tests/planner/order.test.ts.</summary>
public class StepOrderTests
{
    [Fact]
    public void Step_kinds_lists_every_step_kind_exactly_once_with_a_distinct_wire_name()
    {
        Assert.Equal(StepKinds.All.Count, StepKinds.All.Distinct().Count());
        Assert.Equal(Enum.GetValues<StepKind>().Length, StepKinds.All.Count);
        Assert.Equal(StepKinds.All.Count, StepKinds.All.Select(StepKinds.Name).Distinct(StringComparer.Ordinal).Count());
    }

    private static PlanStep Add(string name) => new AddRuleStep
    {
        Id = $"add-rule:{name}",
        Target = name,
        Reason = "",
        Flags = StepFlags.None,
        Params = new AddRuleParams(name, FqdnRule("x.example.com"), false),
    };

    private static PlanStep Remove(string name) => new RemoveRuleStep
    {
        Id = $"remove-rule:{name}",
        Target = name,
        Reason = "",
        Flags = StepFlags.None,
        Params = new RemoveRuleParams(name, FqdnRule("x.example.com")),
    };

    [Fact]
    public void Additions_go_before_removals_except_the_removal_of_a_rule_added_again_under_its_name()
    {
        var ordered = StepOrder.Order([Remove("stale"), Add("new"), Remove("Retyped"), Add("retyped")]);
        Assert.Equal(["remove-rule:Retyped", "add-rule:new", "add-rule:retyped", "remove-rule:stale"], ordered.Select(s => s.Id));
    }

    [Fact]
    public void A_full_onboarding_plan_comes_out_in_the_safe_order()
    {
        var ws = MakeWorkspace(mode: IsolationMode.Disabled, rules: new Dictionary<string, OutboundRule> { ["stale"] = FqdnRule("old.example.com") });
        var policy = MakePolicy(
            rules: [Pe("search", ResId("Microsoft.Search", "searchServices", "s1"), "searchService"), Fqdn("pypi", "pypi.org")],
            firewallSku: "basic") with
        {
            PublicNetworkAccess = "disabled",
            ImageBuildCompute = "cpu-cluster",
        };
        var p = Planner.Plan(policy, new WorkspaceState { Workspace = ws, Computes = [Cluster("cpu-cluster")] });
        Assert.Equal(
            [
                "migrate-computes",
                "set-public-network-access",
                "set-isolation-mode",
                "set-firewall-sku",
                "add-rule:search",
                "add-rule:pypi",
                "remove-rule:stale",
                "assign-approver-roles",
                "provision-network",
                "set-image-build-compute",
            ],
            p.Ids());
        // Stale FQDN rule existed: the firewall is not new.
        Assert.Equal(30, p.EstimatedMinutes);
    }
}
