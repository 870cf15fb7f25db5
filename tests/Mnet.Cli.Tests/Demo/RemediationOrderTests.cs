using System.Text.Json.Nodes;
using Mnet.Cli.Demo;

namespace Mnet.Cli.Tests.Demo;

/// <summary>Which ticket goes first and how a plan is titled (src/demo/phases/remediate.ts's remediationOrder, planHeadline).</summary>
public sealed class RemediationOrderTests
{
    static JsonObject Plan(string kind, params string[] steps) => new()
    {
        ["kind"] = kind,
        ["steps"] = new JsonArray([.. steps.Select(s => (JsonNode?)new JsonObject { ["kind"] = s, ["reason"] = $"{s} because", ["flags"] = new JsonObject { ["needsApproval"] = s == "migrate-computes" } })]),
    };

    [Fact]
    public void Hubs_go_before_their_projects_and_migrations_last_otherwise_the_scan_order()
    {
        var order = RemediationOrder.Of(
        [
            ("legacy", Plan("Default", "migrate-computes", "set-isolation-mode")),
            ("project", Plan("Project", "govern-through-hub")),
            ("internet", Plan("Default", "add-rule")),
            ("hub", Plan("Hub", "provision-network")),
            ("other", Plan("Default", "remove-rule")),
        ]);
        Assert.Equal(["hub", "project", "internet", "other", "legacy"], order);
    }

    [Fact]
    public void The_headline_says_what_the_plan_does_in_a_few_words_and_step_lines_carry_their_flags()
    {
        var plan = Plan("Default", "assign-approver-roles", "provision-network", "add-rule", "remove-rule");
        Assert.Equal("approver roles, provisioning, 2 rule changes", RemediationOrder.Headline(plan));
        Assert.Equal("0 steps", RemediationOrder.Headline(Plan("Default")));
        var migrate = RemediationOrder.Steps(Plan("Default", "migrate-computes")).Single();
        Assert.Equal("migrate-computes: migrate-computes because (needs approval)", RemediationOrder.StepLine(migrate));
    }
}
