using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Planning;
using Mnet.Core.Policy;
using Mnet.Core.Tests.Support;

namespace Mnet.Core.Tests.Planning;

/// <summary>
/// The plan JSON (the shape <c>mnet plan --json</c> prints) is frozen field for field in
/// Golden/&lt;state&gt;.&lt;policy&gt;.json, one file per examples/workspaces/&lt;state&gt;.json and
/// examples/&lt;policy&gt;.yaml pair. Golden files: regenerate with
/// <code>bin/mnet plan --policy examples/&lt;policy&gt;.yaml --state examples/workspaces/&lt;state&gt;.json --json &gt; tests/Mnet.Core.Tests/Planning/Golden/&lt;state&gt;.&lt;policy&gt;.json</code>
/// (stdout only; a refused plan or a workspace outside the policy's scope exits 1) and review the diff. The files
/// hold the plan before the loosening check, which <c>mnet plan</c> applies: where the diff only turns
/// <c>needsApproval</c> on for a step that loosens isolation, keep it false (the loosening theory below covers it).
/// </summary>
public class PlanJsonGoldenTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var state in Directory.GetFiles(RepoPaths.Of("examples", "workspaces"), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var policy in Directory.GetFiles(RepoPaths.Of("examples"), "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileNameWithoutExtension(state), Path.GetFileNameWithoutExtension(policy));
            }
        }
        return data;
    }

    private static Plan PlanFor(string state, string policy, bool looseningNeedsApproval = true)
    {
        var policyPath = RepoPaths.Of("examples", $"{policy}.yaml");
        var loaded = PolicyLoader.Load(File.ReadAllText(policyPath), policyPath);
        Assert.True(loaded.Ok, string.Join("\n", loaded.Problems.Select(p => p.Message)));
        var statePath = RepoPaths.Of("examples", "workspaces", $"{state}.json");
        var actual = WorkspaceStateJson.Parse(File.ReadAllText(statePath), statePath);
        return Planner.PlanWorkspace(loaded.Policy!, actual, new PlanContext { Now = Now },
            new PlanOptions { LooseningNeedsApproval = looseningNeedsApproval });
    }

    [Fact]
    public void Every_example_state_and_policy_pair_has_a_golden_file()
    {
        var expected = Cases().Select(c => $"{c[0]}.{c[1]}.json").Order(StringComparer.Ordinal);
        var golden = Directory.GetFiles(RepoPaths.Of("tests", "Mnet.Core.Tests", "Planning", "Golden"), "*.json")
            .Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, golden);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_plan_json_before_the_loosening_check_matches_the_golden_file(string state, string policy)
    {
        // The golden files predate the loosening check (issue 16, fix 2): compare the plan without it ...
        var golden = JsonNode.Parse(RepoPaths.ReadText("tests", "Mnet.Core.Tests", "Planning", "Golden", $"{state}.{policy}.json"));
        var ours = JsonNode.Parse(PlanJson.Serialize(PlanFor(state, policy, looseningNeedsApproval: false)));
        var difference = JsonDifference.First(golden, ours, "$");
        Assert.True(difference is null, $"{state} with {policy}: {difference}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_loosening_check_only_adds_approval_to_steps_that_loosen_isolation(string state, string policy)
    {
        // ... and the product's plan differs from it only in needsApproval on loosening steps.
        var without = PlanFor(state, policy, looseningNeedsApproval: false);
        var with = PlanFor(state, policy);
        Assert.Equal(without.Steps.Count, with.Steps.Count);
        for (var i = 0; i < with.Steps.Count; i++)
        {
            var before = without.Steps[i];
            var after = with.Steps[i];
            Assert.Equal(before.Id, after.Id);
            Assert.Equal(before.Flags with { NeedsApproval = after.Flags.NeedsApproval }, after.Flags);
            if (after.Flags.NeedsApproval && !before.Flags.NeedsApproval)
            {
                Assert.True(after is RemoveRuleStep or SetPublicNetworkAccessStep or AddRuleStep or UpdateRuleStep, after.Id);
            }
        }
    }

    [Fact]
    public void Removing_a_user_rule_needs_approval_in_the_product_plan()
    {
        var plan = PlanFor("internet-outbound", "policy");
        var remove = Assert.Single(plan.Steps.OfType<RemoveRuleStep>(), s => s.Id == "remove-rule:team-datalake");
        Assert.True(remove.Flags.NeedsApproval);
        Assert.False(PlanFor("internet-outbound", "policy", looseningNeedsApproval: false).Steps.Single(s => s.Id == remove.Id).Flags.NeedsApproval);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_plan_survives_a_json_round_trip(string state, string policy)
    {
        var json = PlanJson.Serialize(PlanFor(state, policy));
        var back = PlanJson.Deserialize(json);
        Assert.Equal(json, PlanJson.Serialize(back));
        Assert.Equal(JsonSerializer.Serialize(back.Steps.Select(s => s.GetType().Name)), JsonSerializer.Serialize(PlanFor(state, policy).Steps.Select(s => s.GetType().Name)));
    }

    [Fact]
    public void The_json_writes_the_kind_strings_and_leaves_absent_fields_out()
    {
        var json = PlanJson.Serialize(PlanFor("disabled-with-computes", "policy"));
        var plan = JsonNode.Parse(json)!.AsObject();
        Assert.False(plan.ContainsKey("refused"));
        var steps = plan["steps"]!.AsArray();
        Assert.Equal("migrate-computes", steps[0]!["kind"]!.GetValue<string>());
        Assert.Equal("require_approval", steps[0]!["params"]!["approval"]!.GetValue<string>());
        Assert.Equal("provision-network", steps[0]!["params"]!["recreateAfterStep"]!.GetValue<string>());
        var image = steps.Single(s => s!["kind"]!.GetValue<string>() == "set-image-build-compute")!;
        Assert.False(image["params"]!.AsObject().ContainsKey("from"));
        Assert.False(image.AsObject().ContainsKey("estimatedMinutes"));
        var add = steps.First(s => s!["kind"]!.GetValue<string>() == "add-rule")!;
        Assert.False(add["params"]!["rule"]!.AsObject().ContainsKey("errorInformation"));
        Assert.StartsWith("{\n  \"workspaceId\"", json, StringComparison.Ordinal);
    }
}
