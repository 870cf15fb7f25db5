using Mnet.Core.Posture;
using Mnet.Core.Tests.Posture;
using static Mnet.Core.Tests.Posture.PostureFixture;

namespace Mnet.Core.Tests.Posture.Checks;

/// <summary>The workspace's private endpoint and public access, each finding present and absent.</summary>
public class WorkspaceAccessFindingsTests
{
    [Fact]
    public void A_connection_only_the_endpoint_shows_still_counts_as_approved()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties.Remove("privateEndpointConnections");
        var codes = f.Codes();
        Assert.DoesNotContain(PostureCodes.WorkspacePrivateEndpointMissing, codes);
        Assert.DoesNotContain(PostureCodes.WorkspacePrivateEndpointNotApproved, codes);
    }

    [Fact]
    public void A_connection_only_the_workspace_shows_counts_too()
    {
        var f = new PostureFixture();
        f.Endpoints.Remove(Pe("pe-ws1"));
        var codes = f.Codes();
        Assert.DoesNotContain(PostureCodes.WorkspacePrivateEndpointMissing, codes);
        Assert.DoesNotContain(PostureCodes.WorkspacePrivateEndpointNotApproved, codes);
    }

    [Theory]
    [InlineData("Pending")]
    [InlineData("Rejected")]
    [InlineData("Disconnected")]
    public void Connections_none_approved_are_not_approved_and_not_missing(string status)
    {
        var f = new PostureFixture();
        f.WorkspaceProperties["privateEndpointConnections"]![0]!["properties"]!["privateLinkServiceConnectionState"]!["status"] = status;
        f.Endpoints[Pe("pe-ws1")] = Endpoint("pe-ws1", EndpointSubnet, WorkspaceId, "amlworkspace", status);
        var report = f.Audit();
        var finding = Assert.Single(report.Findings, x => x.Code == PostureCodes.WorkspacePrivateEndpointNotApproved);
        Assert.Contains(status, finding.Problem);
        Assert.DoesNotContain(report.Findings, x => x.Code == PostureCodes.WorkspacePrivateEndpointMissing);
    }

    [Fact]
    public void Without_any_connection_the_endpoint_is_missing_not_unapproved()
    {
        var f = new PostureFixture();
        FindingCases.Make[PostureCodes.WorkspacePrivateEndpointMissing](f);
        var codes = f.Codes();
        Assert.Contains(PostureCodes.WorkspacePrivateEndpointMissing, codes);
        Assert.DoesNotContain(PostureCodes.WorkspacePrivateEndpointNotApproved, codes);
    }

    [Fact]
    public void Public_access_left_unset_is_public_access()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties.Remove("publicNetworkAccess");
        var finding = Assert.Single(f.Audit().Findings);
        Assert.Equal(PostureCodes.WorkspacePublicNetworkAccess, finding.Code);
        Assert.Contains("not set", finding.Problem);
        Assert.Equal(WorkspaceId, finding.ResourceId);
    }

    [Theory]
    [InlineData("Disabled")]
    [InlineData("disabled")]
    public void Public_access_disabled_in_any_case_raises_neither_access_finding(string value)
    {
        var f = new PostureFixture();
        f.WorkspaceProperties["publicNetworkAccess"] = value;
        f.WorkspaceProperties["ipAllowlist"] = Obj("""{"v":["198.51.100.7"]}""")["v"]!.DeepClone();
        var codes = f.Codes();
        Assert.DoesNotContain(PostureCodes.WorkspacePublicNetworkAccess, codes);
        Assert.DoesNotContain(PostureCodes.WorkspaceIpAllowList, codes);
    }

    [Fact]
    public void The_earlier_ipAllowlist_property_counts_as_an_allow_list()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties["publicNetworkAccess"] = "Enabled";
        f.WorkspaceProperties["ipAllowlist"] = Obj("""{"v":["198.51.100.7"]}""")["v"]!.DeepClone();
        var finding = Assert.Single(f.Audit().Findings);
        Assert.Equal(PostureCodes.WorkspaceIpAllowList, finding.Code);
        Assert.Contains("198.51.100.7", finding.Problem);
    }

    [Fact]
    public void Network_acls_that_allow_by_default_are_no_allow_list()
    {
        var f = new PostureFixture();
        f.WorkspaceProperties["publicNetworkAccess"] = "Enabled";
        f.WorkspaceProperties["networkAcls"] = Obj("""{"defaultAction":"Allow","ipRules":[{"value":"203.0.113.0/24"}]}""");
        Assert.Equal([PostureCodes.WorkspacePublicNetworkAccess], f.Codes());
    }
}
