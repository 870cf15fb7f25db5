using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Drift;
using Mnet.Core.Planning;
using Mnet.Core.Posture;
using Mnet.Core.Tests.Posture;

namespace Mnet.Core.Tests.Drift;

/// <summary>The drift report's posture section, built from inputs a scan reads (no computes).</summary>
public sealed class DriftPostureBuilderTests
{
    [Fact]
    public void A_compliant_customer_vnet_workspace_has_no_findings_and_its_endpoints_counted()
    {
        var fixture = new PostureFixture();

        var summary = Assert.Single(DriftPostureBuilder.Build([fixture.Input()]).Workspaces);

        Assert.Equal(PostureFixture.WorkspaceId, summary.WorkspaceId);
        Assert.Equal((0, 0, 0, 0), (summary.High, summary.Medium, summary.Low, summary.Info));
        Assert.Empty(summary.Codes);
        Assert.Equal(4, summary.PrivateEndpoints);
        Assert.Equal(0, summary.OutboundRules);
        Assert.Contains("computes not read", summary.Readiness, StringComparison.Ordinal);
    }

    [Fact]
    public void Workspace_and_dependency_findings_are_counted_by_severity()
    {
        var fixture = new PostureFixture();
        fixture.WorkspaceProperties["publicNetworkAccess"] = "Enabled";
        fixture.Dependencies[PostureFixture.RegistryId]["sku"] = new JsonObject { ["name"] = "Basic", ["tier"] = "Basic" };

        var summary = Assert.Single(DriftPostureBuilder.Build([fixture.Input()]).Workspaces);

        Assert.Equal(2, summary.High);
        Assert.Equal([PostureCodes.WorkspacePublicNetworkAccess, PostureCodes.ContainerRegistryNotPremium], summary.Codes);
    }

    [Fact]
    public void Findings_that_need_the_computes_are_left_out_even_if_computes_are_passed()
    {
        var fixture = new PostureFixture();
        fixture.Computes["ci-alice"] = PostureFixture.Compute("ci-alice", "ComputeInstance", PostureFixture.TrainingSubnet, publicIp: true);
        Assert.Contains(PostureCodes.ComputePublicIp, fixture.Codes());

        var summary = Assert.Single(DriftPostureBuilder.Build([fixture.Input()]).Workspaces);

        Assert.Empty(summary.Codes);
        // Without computes the image build compute cannot be checked: no false "not a cluster of the workspace".
        Assert.DoesNotContain(PostureCodes.ImageBuildComputeInvalid, summary.Codes);
    }

    [Fact]
    public void A_workspace_with_a_managed_network_is_left_out()
    {
        var fixture = new PostureFixture();
        fixture.WorkspaceProperties["managedNetwork"] = new JsonObject { ["isolationMode"] = "AllowInternetOutbound" };
        Assert.Empty(DriftPostureBuilder.Build([fixture.Input()]).Workspaces);
    }

    [Fact]
    public void The_section_survives_the_reports_json_and_an_unavailable_one_says_why()
    {
        var report = new DriftReport
        {
            GeneratedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), PolicyName = "p", Scanned = 1, InScope = 1, Compliant = 0,
            Posture = DriftPostureBuilder.Build([new PostureFixture().Input()]),
        };
        var json = JsonSerializer.Serialize(report, PlanJson.Options);
        var node = JsonNode.Parse(json)!;
        Assert.False(node["posture"]!["computesKnown"]!.GetValue<bool>());
        Assert.Equal("ws1", node["posture"]!["workspaces"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<DriftReport>(json, PlanJson.Options), PlanJson.Options));

        var unavailable = DriftPostureBuilder.Unavailable("ARM said no");
        Assert.Equal("ARM said no", unavailable.Unavailable);
        Assert.Empty(unavailable.Workspaces);
    }
}
