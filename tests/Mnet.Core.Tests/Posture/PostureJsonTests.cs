using System.Text.Json.Nodes;
using Mnet.Core.Posture;
using static Mnet.Core.Tests.Posture.PostureFixture;

namespace Mnet.Core.Tests.Posture;

/// <summary>Report JSON: camelCase like plans, severities and move kinds as words, policy parts in snake_case.</summary>
public class PostureJsonTests
{
    private static PostureFixture WithFindingAndRule()
    {
        var f = new PostureFixture();
        FindingCases.Make[PostureCodes.ComputePublicIp](f);
        f.Endpoints[Pe("pe-search")] = Endpoint("pe-search", EndpointSubnet,
            $"/subscriptions/{Sub}/resourceGroups/rg-shared/providers/Microsoft.Search/searchServices/srch", "searchService");
        return f;
    }

    [Fact]
    public void The_report_is_camelCase_with_lower_case_severity_and_snake_case_policy_parts()
    {
        var json = JsonNode.Parse(PostureJson.Serialize(WithFindingAndRule().Audit()))!;
        Assert.Equal(WorkspaceId, json["workspaceId"]!.GetValue<string>());
        Assert.Equal("Disabled", json["isolationMode"]!.GetValue<string>());
        Assert.Null(json["notAudited"]);
        Assert.Null(json["audited"]);
        var finding = json["findings"]![0]!;
        Assert.Equal("compute-public-ip", finding["code"]!.GetValue<string>());
        Assert.Equal("medium", finding["severity"]!.GetValue<string>());
        Assert.Equal(CodesOf(finding), ["code", "severity", "resourceId", "problem", "fix", "reason", "source", "fact"]);
        var readiness = json["readiness"]!;
        Assert.Equal("AllowOnlyApprovedOutbound", readiness["targetIsolationMode"]!.GetValue<string>());
        Assert.Equal("outbound-rule", readiness["privateEndpoints"]!.AsArray().Single(m => m!["ruleName"] is not null)!["kind"]!.GetValue<string>());
        Assert.Equal(["name", "type", "destination"], CodesOf(readiness["outboundRules"]![0]!));
        Assert.Equal(["service_resource_id", "subresource_target", "spark_enabled"], CodesOf(readiness["outboundRules"]![0]!["destination"]!));
        var policy = readiness["policy"]!;
        Assert.Equal("allow_only_approved_outbound", policy["managed_network"]!["isolation_mode"]!.GetValue<string>());
        Assert.Equal("require_approval", policy["compute_migration"]!["mode"]!.GetValue<string>());
        Assert.True(policy["approver_roles"]!["assign"]!.GetValue<bool>());
        Assert.True(readiness["computesToRecreate"]![0]!["blocksEnabling"]!.GetValue<bool>());
    }

    [Fact]
    public void A_report_reads_back_as_written()
    {
        var report = WithFindingAndRule().Audit();
        var again = PostureJson.Deserialize(PostureJson.Serialize(report));
        Assert.Equal(PostureJson.Serialize(report), PostureJson.Serialize(again));
        Assert.Equal(report.Findings, again.Findings);
        Assert.Equal(report.Readiness!.OutboundRules, again.Readiness!.OutboundRules);
    }

    [Fact]
    public void A_list_of_reports_is_a_JSON_array()
    {
        var json = JsonNode.Parse(PostureJson.Serialize([new PostureFixture().Audit(), WithFindingAndRule().Audit()]))!;
        Assert.Equal(2, json.AsArray().Count);
    }

    [Fact]
    public void Anything_but_a_report_is_refused()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => PostureJson.Deserialize("null"));
    }

    private static List<string> CodesOf(JsonNode node) => [.. node.AsObject().Select(kv => kv.Key)];
}
