using System.Text.Json.Nodes;
using Mnet.Arm.Errors;
using Mnet.Arm.Posture;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Posture;
using Mnet.Core.Posture.Readiness;
using Mnet.Emulator.Scenarios;

namespace Mnet.Arm.Tests.Posture;

/// <summary>The posture reader against the emulator's demo scenario: Resource Graph first, GETs only where needed.</summary>
public sealed class PostureReaderTests : IAsyncLifetime
{
    private const string S1 = DemoScenario.Subscription1;
    private EmulatorHarness h = null!;
    private IArmClient client = null!;
    private RecordingArmClient recorder = null!;

    public async Task InitializeAsync()
    {
        h = await EmulatorHarness.StartAsync("demo");
        (client, recorder) = RecordingArmClient.Wrap(h.Client);
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private static string Rg(string rg) => $"/subscriptions/{S1}/resourceGroups/{rg}/providers";

    [Fact]
    public async Task The_demo_custom_vnet_workspace_is_read_with_four_queries_and_two_GETs_and_has_exactly_two_findings()
    {
        var input = await new PostureReader(client).ReadAsync(DemoWorkspaces.CustomVnet);

        Assert.Equal(4, recorder.Count(nameof(IArmClient.QueryResourceGraphAsync)));
        Assert.Equal(1, recorder.Count(nameof(IArmClient.ListComputesAsync)));
        Assert.Equal(1, recorder.Count(nameof(IArmClient.ListOnlineEndpointsAsync)));
        Assert.Equal(6, recorder.Calls.Count);
        Assert.Equal(DemoWorkspaces.CustomVnet, input.Workspace.Id);
        Assert.Equal(4, input.Dependencies.Count);
        Assert.Equal(["ci-data", "cpu-cluster"], input.Computes.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Contains(input.VirtualNetworks, v => v.Name == DemoCustomVnet.VnetName);
        Assert.Equal(6, input.PrivateEndpoints.Count(e => e.Id.Contains("/rg-ml-vnet/", StringComparison.Ordinal)));

        var report = PostureAuditor.Audit(input);
        Assert.Equal(
            [
                (PostureCodes.ComputePublicIp, $"{DemoWorkspaces.CustomVnet}/computes/ci-data"),
                (PostureCodes.ImageBuildComputeMissing, DemoWorkspaces.CustomVnet),
            ],
            report.Findings.Select(f => (f.Code, f.ResourceId)));
        Assert.Equal([$"{Rg("rg-ml-vnet")}/Microsoft.Network/virtualNetworks/{DemoCustomVnet.VnetName}"], report.VirtualNetworks);
    }

    [Fact]
    public async Task The_demo_custom_vnet_workspace_is_ready_to_move_with_its_computes_recreated_and_one_outbound_rule()
    {
        var readiness = PostureAuditor.Audit(await new PostureReader(client).ReadAsync(DemoWorkspaces.CustomVnet)).Readiness!;
        Assert.All(readiness.ComputesToRecreate, c => Assert.True(c.BlocksEnabling));
        Assert.Equal(2, readiness.ComputesToRecreate.Count);
        var rule = Assert.Single(readiness.OutboundRules);
        Assert.Equal("pe-srch-contoso-searchservice", rule.Name);
        Assert.Equal(DemoShared.Search, rule.Destination.ServiceResourceId);
        Assert.Equal("searchService", rule.Destination.SubresourceTarget);
        Assert.Equal(1, readiness.PrivateEndpoints.Count(m => m.Kind == PrivateEndpointMoveKind.StaysInbound));
        Assert.Equal(4, readiness.PrivateEndpoints.Count(m => m.Kind == PrivateEndpointMoveKind.RequiredRule));
        Assert.Equal("disabled", readiness.Policy.PublicNetworkAccess);
    }

    [Fact]
    public async Task A_dependency_Resource_Graph_has_not_indexed_yet_is_read_with_a_GET()
    {
        var storage = $"{Rg("rg-ml-vnet")}/Microsoft.Storage/storageAccounts/stmlvnet";
        recorder.HiddenFromResourceGraph.Add(storage);
        var input = await new PostureReader(client).ReadAsync(DemoWorkspaces.CustomVnet);
        Assert.Equal(1, recorder.Count(nameof(IArmClient.GetDependencyAsync)));
        var read = Assert.Single(input.Dependencies, d => d.Id == storage);
        Assert.Equal("Disabled", read.Properties!.PublicNetworkAccess);
        Assert.Contains(read.Properties.PrivateEndpointConnections!, c => c.Properties!.PrivateLinkServiceConnectionState!.Status == "Approved");
        Assert.Equal(2, PostureAuditor.Audit(input).Findings.Count);
    }

    [Fact]
    public async Task A_workspace_Resource_Graph_has_not_indexed_yet_is_read_with_a_GET()
    {
        recorder.HiddenFromResourceGraph.Add(DemoWorkspaces.CustomVnet);
        var input = await new PostureReader(client).ReadAsync(DemoWorkspaces.CustomVnet);
        Assert.Equal(1, recorder.Count(nameof(IArmClient.GetWorkspaceAsync)));
        Assert.Equal(2, PostureAuditor.Audit(input).Findings.Count);
    }

    [Fact]
    public async Task A_dependency_that_does_not_exist_is_left_out_and_reported_as_not_read()
    {
        var ghost = $"{Rg("rg-ml-vnet")}/Microsoft.KeyVault/vaults/kv-ghost";
        h.Emu.State.Write(s => s.Workspace(DemoWorkspaces.CustomVnet)!.Properties["keyVault"] = ghost);
        var input = await new PostureReader(client).ReadAsync(DemoWorkspaces.CustomVnet);
        Assert.Equal(1, recorder.Count(nameof(IArmClient.GetDependencyAsync)));
        Assert.DoesNotContain(input.Dependencies, d => d.Id == ghost);
        Assert.Contains(PostureAuditor.Audit(input).Findings, f => f.Code == PostureCodes.DependencyNotRead && f.ResourceId == ghost);
    }

    [Fact]
    public async Task Every_workspace_without_a_managed_network_in_the_subscriptions_is_read_managed_ones_are_not()
    {
        var inputs = await new PostureReader(client).ReadSubscriptionsAsync([S1, DemoScenario.Subscription2]);
        Assert.Equal(["ws-custom-vnet", "ws-legacy", "ws-locked", "ws-research"], inputs.Select(i => i.Workspace.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, recorder.Count(nameof(IArmClient.ListComputesAsync)));
        var reports = inputs.Select(i => PostureAuditor.Audit(i)).ToDictionary(r => r.WorkspaceName);
        Assert.Equal(2, reports["ws-custom-vnet"].Findings.Count);
        // The legacy workspace's cluster names a VNet that does not exist, and it has no private endpoint.
        Assert.Contains(reports["ws-legacy"].Findings, f => f.Code == PostureCodes.ComputeSubnetNotFound);
        Assert.Contains(reports["ws-legacy"].Findings, f => f.Code == PostureCodes.WorkspacePrivateEndpointMissing);
    }

    [Fact]
    public async Task A_workspace_with_a_managed_network_is_read_without_its_computes_and_not_audited()
    {
        var input = await new PostureReader(client).ReadAsync(DemoWorkspaces.ApprovedCompliant);
        Assert.Empty(input.Computes);
        Assert.Equal(0, recorder.Count(nameof(IArmClient.ListComputesAsync)));
        Assert.False(PostureAuditor.Audit(input).Audited);
    }

    [Fact]
    public async Task Several_workspaces_come_back_in_the_order_asked()
    {
        var inputs = await new PostureReader(client).ReadAsync([DemoWorkspaces.Locked, DemoWorkspaces.CustomVnet, DemoWorkspaces.LegacyDisabled]);
        Assert.Equal([DemoWorkspaces.Locked, DemoWorkspaces.CustomVnet, DemoWorkspaces.LegacyDisabled], inputs.Select(i => i.Workspace.Id));
    }

    [Fact]
    public async Task A_bad_id_is_refused_before_any_request_and_a_missing_workspace_is_not_found()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => new PostureReader(client).ReadAsync("ws-custom-vnet"));
        Assert.Contains("ws-custom-vnet", e.Message);
        Assert.Empty(recorder.Calls);
        await Assert.ThrowsAsync<ArmNotFoundException>(() =>
            new PostureReader(client).ReadAsync($"{Rg("rg-ml-vnet")}/Microsoft.MachineLearningServices/workspaces/ws-ghost"));
    }

    [Fact]
    public async Task An_Azure_Monitor_scope_the_insights_are_in_is_read_by_a_fifth_query()
    {
        var scope = $"{Rg("rg-ml-vnet")}/Microsoft.Insights/privateLinkScopes/ampls-ml";
        h.Emu.State.Write(s =>
        {
            s.PutResource(new JsonObject
            {
                ["id"] = scope, ["name"] = "ampls-ml", ["type"] = "Microsoft.Insights/privateLinkScopes", ["location"] = "global",
                ["properties"] = new JsonObject { ["accessModeSettings"] = new JsonObject { ["queryAccessMode"] = "PrivateOnly", ["ingestionAccessMode"] = "Open" } },
            });
            var insights = s.Resources.Get($"{Rg("rg-ml-vnet")}/Microsoft.Insights/components/appi-ml-vnet")!;
            insights["properties"]!["PrivateLinkScopedResources"] = new JsonArray(new JsonObject { ["ResourceId"] = $"{scope}/scopedResources/appi-ml-vnet" });
        });
        var input = await new PostureReader(client).ReadAsync(DemoWorkspaces.CustomVnet);
        Assert.Equal(5, recorder.Count(nameof(IArmClient.QueryResourceGraphAsync)));
        Assert.Contains(input.Dependencies, d => d.Id == scope);
        var codes = PostureAuditor.Audit(input).Findings.Select(f => f.Code).ToList();
        Assert.Contains(PostureCodes.ApplicationInsightsPrivateLink, codes);
        Assert.Contains(PostureCodes.AzureMonitorPrivateOnlyMode, codes);
    }

    [Fact]
    public async Task Fixing_the_two_findings_in_the_emulator_leaves_none()
    {
        h.Emu.State.Write(s =>
        {
            var ws = s.Workspace(DemoWorkspaces.CustomVnet)!;
            ws.Properties["imageBuildCompute"] = "cpu-cluster";
            ws.Computes["ci-data"].TypeProperties["enableNodePublicIp"] = false;
        });
        Assert.Empty(PostureAuditor.Audit(await new PostureReader(client).ReadAsync(DemoWorkspaces.CustomVnet)).Findings);
    }

    [Fact]
    public async Task Network_resources_come_only_from_Resource_Graph()
    {
        await new PostureReader(h.Client).ReadAsync(DemoWorkspaces.CustomVnet);
        var requests = h.Attempts.Select(a => (a.Method, a.Url)).ToList();
        Assert.DoesNotContain(requests, r => r.Url.Contains("/Microsoft.Network/", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(requests, r => r.Method == "GET" && r.Url.Contains("/Microsoft.Storage/", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(4, requests.Count(r => r.Method == "POST" && r.Url.Contains("Microsoft.ResourceGraph", StringComparison.Ordinal)));
    }
}
