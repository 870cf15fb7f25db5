using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Drift;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using static Mnet.Core.Tests.Planning.PlanFixtures;

namespace Mnet.Core.Tests.Drift;

/// <summary>The drift report is stored and served as JSON in the shape the TypeScript version wrote.</summary>
public class DriftReportJsonTests
{
    private static DriftReport Report() => DriftEvaluator.Evaluate(
        MakePolicy(rules: [Fqdn("pypi", "pypi.org")]) with { Name = "approved" },
        [
            MakeWorkspace(name: "no-rule", mode: IsolationMode.AllowOnlyApprovedOutbound),
            MakeWorkspace(name: "strict", mode: IsolationMode.AllowOnlyApprovedOutbound) with { Kind = "Project" },
            MakeWorkspace(name: "far", sub: OtherSub),
        ],
        new DriftContext { Now = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)) });

    [Fact]
    public void The_report_json_has_the_typescript_field_names_and_an_iso_instant_with_milliseconds()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Report(), PlanJson.Options))!.AsObject();
        Assert.Equal(
            ["generatedAt", "policyName", "scanned", "inScope", "compliant", "drifted", "skipped", "refused", "computesKnown"],
            json.Select(p => p.Key));
        Assert.Equal("2026-01-01T00:00:00.000Z", json["generatedAt"]!.GetValue<string>());
        Assert.False(json["computesKnown"]!.GetValue<bool>());
        var drifted = json["drifted"]!.AsArray().Single()!.AsObject();
        Assert.Equal(["workspaceId", "name", "kind", "reasons", "plan"], drifted.Select(p => p.Key));
        Assert.Equal("add-rule", drifted["plan"]!["steps"]![0]!["kind"]!.GetValue<string>());
        var refused = json["refused"]!.AsArray().Single()!.AsObject();
        Assert.Equal(["workspaceId", "name", "kind", "reason", "rule"], refused.Select(p => p.Key));
        Assert.Equal("project-without-hub", refused["rule"]!.GetValue<string>());
        Assert.Equal(["workspaceId", "reason"], json["skipped"]!.AsArray().Single()!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_report_survives_a_json_round_trip()
    {
        var json = JsonSerializer.Serialize(Report(), PlanJson.Options);
        var back = JsonSerializer.Deserialize<DriftReport>(json, PlanJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, PlanJson.Options));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), back.GeneratedAt);
        Assert.IsType<AddRuleStep>(back.Drifted[0].Plan.Steps[0]);
    }
}
