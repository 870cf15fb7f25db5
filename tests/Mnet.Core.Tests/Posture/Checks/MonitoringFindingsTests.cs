using Mnet.Core.Posture;
using Mnet.Core.Tests.Posture;
using static Mnet.Core.Tests.Posture.PostureFixture;

namespace Mnet.Core.Tests.Posture.Checks;

/// <summary>Application Insights behind an Azure Monitor Private Link Scope: noted; a PrivateOnly scope flagged.</summary>
public class MonitoringFindingsTests
{
    private static PostureFixture InScope(string? queryMode, string? ingestionMode)
    {
        var f = new PostureFixture();
        FindingCases.Make[PostureCodes.AzureMonitorPrivateOnlyMode](f);
        var access = f.PropertiesOf(ScopeId)["accessModeSettings"]!.AsObject();
        access["queryAccessMode"] = queryMode;
        access["ingestionAccessMode"] = ingestionMode;
        return f;
    }

    [Fact]
    public void A_scope_in_open_mode_is_only_noted()
    {
        var report = InScope("Open", "Open").Audit();
        var note = Assert.Single(report.Findings);
        Assert.Equal(PostureCodes.ApplicationInsightsPrivateLink, note.Code);
        Assert.Equal(PostureSeverity.Info, note.Severity);
        Assert.Equal(InsightsId, note.ResourceId);
        Assert.Contains(ScopeId, note.Problem);
    }

    [Theory]
    [InlineData("PrivateOnly", "Open", "query access")]
    [InlineData("Open", "PrivateOnly", "ingestion access")]
    [InlineData("PrivateOnly", "PrivateOnly", "query and ingestion access")]
    public void Either_access_mode_in_PrivateOnly_is_flagged_on_the_scope(string query, string ingestion, string text)
    {
        var finding = Assert.Single(InScope(query, ingestion).Audit().Findings, x => x.Code == PostureCodes.AzureMonitorPrivateOnlyMode);
        Assert.Equal(ScopeId, finding.ResourceId);
        Assert.Contains(text, finding.Problem);
    }

    [Fact]
    public void A_scope_that_cannot_be_read_is_still_noted_but_its_mode_is_not_judged()
    {
        var f = InScope("PrivateOnly", "PrivateOnly");
        f.Dependencies.Remove(ScopeId);
        Assert.Equal([PostureCodes.ApplicationInsightsPrivateLink], f.Codes());
    }

    [Fact]
    public void Two_scoped_resources_of_one_scope_give_one_note()
    {
        var f = new PostureFixture();
        f.PropertiesOf(InsightsId)["PrivateLinkScopedResources"] = System.Text.Json.Nodes.JsonNode.Parse($$"""
            [{"ResourceId":"{{ScopeId}}/scopedResources/a"},{"ResourceId":"{{ScopeId.ToUpperInvariant()}}/scopedResources/b"}]
            """);
        Assert.Equal([PostureCodes.ApplicationInsightsPrivateLink], f.Codes());
    }
}
