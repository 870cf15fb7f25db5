using System.Text.Json.Nodes;
using Mnet.Core.Posture;
using Mnet.Emulator.Scenarios;
using Mnet.Service.Http;
using Mnet.Service.Ports;
using Mnet.Service.Tests.Support;

namespace Mnet.Service.Tests.Posture;

/// <summary>GET /api/v1/workspaces/{id}/posture: id checks, both fences, ARM failures, and the audit's view.</summary>
public sealed class PostureServiceTests
{
    static string[] Codes(HttpAnswer a) =>
        [.. a.Body["posture"]!["findings"]!.AsArray().Select(f => f!["code"]!.GetValue<string>())];

    [Fact]
    public async Task The_demo_custom_vnet_workspace_answers_its_two_findings_counts_and_readiness()
    {
        await using var rig = await PostureRig.StartAsync();

        var a = await rig.GetAsync(PostureRig.Encode(DemoWorkspaces.CustomVnet));

        Assert.True(a.Status == 200, a.Body.ToJsonString());
        Assert.Equal(DemoWorkspaces.CustomVnet, a.Text("workspaceId"));
        Assert.Equal("vnet-move", a.Text("policy"));
        Assert.True(a.Body["audited"]!.GetValue<bool>());
        Assert.Equal(0, a.Body["counts"]!["high"]!.GetValue<int>());
        Assert.Equal(2, a.Body["counts"]!["medium"]!.GetValue<int>());
        Assert.Equal([PostureCodes.ComputePublicIp, PostureCodes.ImageBuildComputeMissing], Codes(a));
        var finding = a.Body["posture"]!["findings"]![0]!;
        Assert.Equal("medium", finding["severity"]!.GetValue<string>());
        foreach (var field in new[] { "resourceId", "problem", "fix", "reason", "source", "fact" })
        {
            Assert.False(string.IsNullOrEmpty(finding[field]?.GetValue<string>()), $"finding.{field} missing: {finding}");
        }

        var readiness = a.Body["posture"]!["readiness"]!;
        Assert.Equal(2, readiness["computesToRecreate"]!.AsArray().Count);
        Assert.Single(readiness["outboundRules"]!.AsArray());
        Assert.Equal("private_endpoint", readiness["outboundRules"]![0]!["type"]!.GetValue<string>());
        Assert.Contains("ws-custom-vnet: 2 finding(s)", a.Text("summary"), StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", a.Header("content-type"));
        Assert.True(rig.Logs.Has("posture.audited", "workspaceId", DemoWorkspaces.CustomVnet));
    }

    [Fact]
    public async Task The_readiness_targets_the_app_policys_isolation_mode()
    {
        await using var strict = await PostureRig.StartAsync("allow_only_approved_outbound");
        await using var open = await PostureRig.StartAsync("allow_internet_outbound");

        string Target(HttpAnswer a) => a.Body["posture"]!["readiness"]!["targetIsolationMode"]!.GetValue<string>();
        Assert.Equal("AllowOnlyApprovedOutbound", Target(await strict.GetAsync(PostureRig.Encode(DemoWorkspaces.CustomVnet))));
        Assert.Equal("AllowInternetOutbound", Target(await open.GetAsync(PostureRig.Encode(DemoWorkspaces.CustomVnet))));
    }

    [Fact]
    public async Task A_route_value_the_host_already_decoded_is_read_the_same()
    {
        await using var rig = await PostureRig.StartAsync();
        var a = await rig.GetAsync(DemoWorkspaces.CustomVnet);
        Assert.Equal(200, a.Status);
        Assert.Equal(DemoWorkspaces.CustomVnet, a.Text("workspaceId"));
    }

    [Fact]
    public async Task A_workspace_with_a_managed_network_is_answered_not_audited()
    {
        await using var rig = await PostureRig.StartAsync();
        var a = await rig.GetAsync(PostureRig.Encode(DemoWorkspaces.ApprovedCompliant));
        Assert.Equal(200, a.Status);
        Assert.False(a.Body["audited"]!.GetValue<bool>());
        Assert.Contains("managed network", a.Body["posture"]!["notAudited"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Codes(a));
        Assert.Null(a.Body["posture"]!["readiness"]);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("ws-custom-vnet", "resource-id")]
    [InlineData("%2Fsubscriptions%2F00000000-0000-0000-0000-000000000001%2FresourceGroups%2Frg-ml-vnet%2Fproviders%2FMicrosoft.Storage%2FstorageAccounts%2Fstvnet", "resource-type")]
    [InlineData("%2Fsubscriptions%2F00000000-0000-0000-0000-000000000001%2FresourceGroups%2Frg-ml-vnet%2F..%2Fproviders%2FMicrosoft.MachineLearningServices%2Fworkspaces%2Fws-custom-vnet", "resource-id")]
    [InlineData("%2Fsubscriptions%2F00000000-0000-0000-0000-000000000001%2FresourceGroups%2Frg-ml-vnet%2Fproviders%2FMicrosoft.MachineLearningServices%2Fworkspaces%2Fws%2520x", "encoded-characters")]
    [InlineData("%2Fsubscriptions%2F00000000-0000-0000-0000-000000000001%2FresourceGroups%2Frg-ml-vnet%2Fproviders%2FMicrosoft.MachineLearningServices%2Fworkspaces%2Fws-custom-vnet%2Fcomputes%2Fci-data", "resource-type")]
    public async Task A_malformed_id_is_400_before_anything_is_read(string routeId, string rule)
    {
        var reading = new ScriptedPostureReading(_ => throw new InvalidOperationException("must not be read"));
        await using var rig = await PostureRig.StartAsync(reading: reading);

        var a = await rig.GetAsync(routeId);

        Assert.True(a.Status == 400, a.Body.ToJsonString());
        Assert.Equal("application/problem+json", a.Header("content-type"));
        Assert.Equal(["id"], a.ErrorPaths);
        Assert.Equal([rule], a.ErrorRules);
        Assert.Empty(reading.Calls);
    }

    [Fact]
    public async Task A_workspace_in_a_subscription_the_app_is_not_configured_for_is_403_and_never_read()
    {
        var reading = new ScriptedPostureReading(_ => throw new InvalidOperationException("must not be read"));
        await using var rig = await PostureRig.StartAsync(reading: reading);

        var a = await rig.GetAsync(PostureRig.Encode(DemoWorkspaces.ResearchDisabled));

        Assert.Equal(403, a.Status);
        Assert.Contains(DemoScenario.Subscription2, a.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(reading.Calls);
    }

    [Fact]
    public async Task A_workspace_outside_the_app_policys_scope_is_403()
    {
        await using var rig = await PostureRig.StartAsync();
        var a = await rig.GetAsync(PostureRig.Encode(DemoWorkspaces.Locked));
        Assert.Equal(403, a.Status);
        Assert.Contains("not in the scope of policy \"vnet-move\"", a.Text("detail"), StringComparison.Ordinal);
        // The control: a workspace in scope passes the same fence.
        Assert.Equal(200, (await rig.GetAsync(PostureRig.Encode(DemoWorkspaces.LegacyDisabled))).Status);
    }

    [Fact]
    public async Task A_workspace_that_does_not_exist_is_404()
    {
        await using var rig = await PostureRig.StartAsync();
        var a = await rig.GetAsync(PostureRig.Encode(DemoWorkspaces.CustomVnet.Replace("ws-custom-vnet", "ws-gone", StringComparison.Ordinal)));
        Assert.Equal(404, a.Status);
        Assert.Equal("urn:mnet-autopilot:problem:not-found", a.Text("type"));
    }

    [Fact]
    public async Task An_ARM_failure_is_502_without_ARMs_text()
    {
        var reading = new ScriptedPostureReading(_ => throw new UpstreamException(500, "InternalServerError: secret upstream detail"));
        await using var rig = await PostureRig.StartAsync(reading: reading);

        var a = await rig.GetAsync(PostureRig.Encode(DemoWorkspaces.CustomVnet));

        Assert.Equal(502, a.Status);
        Assert.DoesNotContain("secret", a.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(reading.Calls);
    }

    [Fact]
    public async Task Without_a_posture_reader_the_route_is_503()
    {
        await using var rig = await PostureRig.StartAsync(noReader: true);
        Assert.Equal(503, (await rig.GetAsync(PostureRig.Encode(DemoWorkspaces.CustomVnet))).Status);
    }

    [Fact]
    public async Task The_route_table_serves_it_as_a_GET_without_a_durable_client()
    {
        await using var rig = await PostureRig.StartAsync();
        var route = Assert.Single(rig.Api.Routes, r => r.FunctionName == ApiRoutes.WorkspacePostureFunction);
        Assert.Equal("GET", route.Method);
        Assert.Equal("/api/v1/workspaces/{id}/posture", route.Path);
        Assert.False(route.NeedsDurableClient);
    }
}
