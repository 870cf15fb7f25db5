using Mnet.Core.Posture;
using Mnet.Core.Resources;

namespace Mnet.Core.Tests.Posture;

/// <summary>Every finding both ways: absent from the compliant workspace, present after the change that causes it.</summary>
public class PostureFindingsTests
{
    [Fact]
    public void The_compliant_customer_vnet_workspace_has_no_findings()
    {
        var report = new PostureFixture().Audit();
        Assert.True(report.Audited);
        Assert.Empty(report.Findings);
        Assert.Equal([PostureFixture.VnetId], report.VirtualNetworks);
        Assert.Equal(IsolationMode.Disabled, report.IsolationMode);
    }

    [Theory]
    [MemberData(nameof(FindingCases.Codes), MemberType = typeof(FindingCases))]
    public void Each_finding_appears_after_its_change_and_not_before(string code)
    {
        var fixture = new PostureFixture();
        Assert.DoesNotContain(code, fixture.Codes());
        FindingCases.Make[code](fixture);
        var report = fixture.Audit();
        var finding = Assert.Single(report.Findings, f => f.Code == code);
        // The change causes this finding and nothing else (but what the finding implies).
        Assert.All(report.Findings, f => Assert.True(f.Code == code || FindingCases.Companions(code).Contains(f.Code), f.Code));
        var rule = PostureRules.Find(code)!;
        Assert.Equal(rule.Severity, finding.Severity);
        Assert.Equal(rule.Fact.Quote, finding.Reason);
        Assert.Equal(rule.Fact.SeedFile, finding.Source);
        Assert.Equal(rule.Fact.Id, finding.Fact);
        Assert.False(string.IsNullOrWhiteSpace(finding.Problem));
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
        Assert.False(string.IsNullOrWhiteSpace(finding.ResourceId));
    }

    [Fact]
    public void The_case_table_covers_every_rule_the_audit_can_report()
    {
        Assert.Equal(
            PostureRules.All.Select(r => r.Code).Order(StringComparer.Ordinal),
            FindingCases.Make.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_workspace_with_a_managed_network_is_not_audited()
    {
        var fixture = new PostureFixture();
        fixture.WorkspaceProperties["managedNetwork"] = PostureFixture.Obj("""{"isolationMode":"AllowOnlyApprovedOutbound"}""");
        fixture.WorkspaceProperties["publicNetworkAccess"] = "Enabled";
        var report = fixture.Audit();
        Assert.False(report.Audited);
        Assert.Contains("AllowOnlyApprovedOutbound", report.NotAudited);
        Assert.Empty(report.Findings);
        Assert.Null(report.Readiness);
        Assert.Contains("not audited", report.Summarize());
    }

    [Fact]
    public void Findings_come_most_severe_first()
    {
        var fixture = new PostureFixture();
        FindingCases.Make[PostureCodes.ComputePublicIp](fixture);                 // medium
        FindingCases.Make[PostureCodes.ApplicationInsightsPrivateLink](fixture);  // info
        FindingCases.Make[PostureCodes.WorkspacePublicNetworkAccess](fixture);    // high
        FindingCases.Make[PostureCodes.ComputeClusterOtherRegion](fixture);       // low
        var report = fixture.Audit();
        Assert.Equal(
            [PostureCodes.WorkspacePublicNetworkAccess, PostureCodes.ComputePublicIp, PostureCodes.ComputeClusterOtherRegion, PostureCodes.ApplicationInsightsPrivateLink],
            report.Findings.Select(f => f.Code));
        Assert.Equal(
            [PostureSeverity.High, PostureSeverity.Medium, PostureSeverity.Low, PostureSeverity.Info],
            report.Findings.Select(f => f.Severity));
        Assert.StartsWith("ws1: 4 finding(s) (1 high, 1 medium, 1 low, 1 info)", report.Summarize());
    }

    [Fact]
    public void A_workspace_id_that_is_not_an_ARM_id_is_refused_with_the_id_named()
    {
        var fixture = new PostureFixture();
        fixture.Workspace["id"] = "ws1";
        var e = Assert.Throws<ResourceIdException>(() => fixture.Audit());
        Assert.Contains("ws1", e.Message);
    }
}
