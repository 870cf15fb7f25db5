using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Cli.Tests.Support;
using Mnet.Core.Posture;
using Mnet.Core.Resources;

namespace Mnet.Cli.Tests.Commands;

/// <summary><c>mnet audit</c> against the in-process emulator's demo scenario (ws-custom-vnet: exactly two findings).</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private static readonly string CustomVnet = CliEmulator.Ws("rg-ml-vnet", "ws-custom-vnet");
    private static readonly string Legacy = CliEmulator.Ws("rg-ml-prod", "ws-legacy");
    private CliEmulator emu = null!;

    public async Task InitializeAsync() => emu = await CliEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private Task<CliRun> AuditAsync(params string[] args) => MnetRun.RunAsync(["audit", .. args, .. emu.Target]);

    private string Policy(string isolationMode, params string[] resourceGroups)
    {
        var path = Path.Combine(emu.Dir, $"policy-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, new JsonObject
        {
            ["name"] = "audit-test",
            ["scope"] = new JsonObject
            {
                ["subscriptions"] = new JsonArray(CliEmulator.S1),
                ["resource_groups"] = new JsonArray([.. resourceGroups.Select(g => (JsonNode?)g)]),
            },
            ["managed_network"] = new JsonObject { ["isolation_mode"] = isolationMode },
        }.ToJsonString());
        return path;
    }

    [Fact]
    public async Task The_custom_vnet_workspace_prints_its_findings_by_severity_with_reason_and_fix_and_its_readiness()
    {
        var r = await AuditAsync("--workspace", CustomVnet);

        Assert.True(r.Code == ExitCode.Ok, r.Stderr + r.Stdout);
        Assert.Contains("MEDIUM (2)", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("HIGH (", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 finding(s): 0 high, 2 medium, 0 low, 0 info", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"compute-public-ip  ci-data\n\s+resource: .*/computes/ci-data\n\s+what:\s+ComputeInstance ci-data has enableNodePublicIp true\.\n\s+why:\s+""Improves security by removing the requirement for inbound traffic from the internet\."" \(002_[0-9a-f]+\.txt\)\n\s+fix:\s+Recreate the compute", r.Stdout);
        Assert.Contains("image-build-compute-missing  ws-custom-vnet", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Readiness to move to the managed network (allow_only_approved_outbound)", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"computes to delete and recreate: .*cpu-cluster \(AmlCompute, in a customer subnet: blocks enabling until deleted\)", r.Stdout);
        Assert.Contains("pe-srch-contoso -> srch-contoso [searchService]: becomes outbound rule pe-srch-contoso-searchservice", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("pe-ws-custom-vnet -> ws-custom-vnet [amlworkspace]: stays (inbound access)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 workspace(s) audited: 2 finding(s), 0 high.", r.Stdout, StringComparison.Ordinal);
        Assert.Empty(emu.Writes());
    }

    [Fact]
    public async Task Json_prints_the_report_as_the_http_api_does()
    {
        var r = await AuditAsync("--workspace", CustomVnet, "--json");

        Assert.Equal(ExitCode.Ok, r.Code);
        var report = PostureJson.Deserialize(r.Stdout);
        Assert.Equal(CustomVnet, report.WorkspaceId);
        Assert.Equal([PostureCodes.ComputePublicIp, PostureCodes.ImageBuildComputeMissing], report.Findings.Select(f => f.Code));
        Assert.Equal(2, report.Readiness!.ComputesToRecreate.Count);
        Assert.Equal("medium", JsonNode.Parse(r.Stdout)!["findings"]![0]!["severity"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_high_finding_exits_1_and_is_listed_first()
    {
        var r = await AuditAsync("--workspace", Legacy);

        Assert.True(r.Code == ExitCode.Failed, r.Stderr + r.Stdout);
        var high = r.Stdout.IndexOf("HIGH (", StringComparison.Ordinal);
        Assert.True(high > 0, r.Stdout);
        Assert.Contains(PostureCodes.WorkspacePrivateEndpointMissing, r.Stdout[high..], StringComparison.Ordinal);
        var medium = r.Stdout.IndexOf("MEDIUM (", StringComparison.Ordinal);
        Assert.True(medium < 0 || medium > high, "high findings come first");
    }

    [Fact]
    public async Task Subscriptions_audit_every_workspace_without_a_managed_network_there()
    {
        var r = await AuditAsync("--subscriptions", CliEmulator.S1, "--json");

        Assert.Equal(ExitCode.Failed, r.Code);
        var reports = JsonSerializer.Deserialize<List<PostureReport>>(r.Stdout, PostureJson.Options)!;
        var names = reports.Select(p => p.WorkspaceName).ToList();
        Assert.Contains("ws-custom-vnet", names);
        Assert.Contains("ws-legacy", names);
        Assert.DoesNotContain("ws-approved", names);
        Assert.All(reports, p => Assert.Equal(IsolationMode.Disabled, p.IsolationMode));
    }

    [Fact]
    public async Task A_policy_narrows_a_subscription_audit_to_its_scope_and_sets_the_target_mode()
    {
        var r = await AuditAsync("--subscriptions", CliEmulator.S1, "--policy", Policy("allow_internet_outbound", "rg-ml-vnet"), "--json");

        Assert.True(r.Code == ExitCode.Ok, r.Stderr + r.Stdout);
        var report = Assert.Single(JsonSerializer.Deserialize<List<PostureReport>>(r.Stdout, PostureJson.Options)!);
        Assert.Equal("ws-custom-vnet", report.WorkspaceName);
        Assert.Equal(IsolationMode.AllowInternetOutbound, report.Readiness!.TargetIsolationMode);
    }

    [Fact]
    public async Task A_named_workspace_outside_the_policy_is_audited_with_a_warning()
    {
        var r = await AuditAsync("--workspace", CustomVnet, "--policy", Policy("allow_only_approved_outbound", "rg-ml-prod"));
        Assert.Equal(ExitCode.Ok, r.Code);
        Assert.Contains("ws-custom-vnet is outside the scope of policy \"audit-test\"", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("MEDIUM (2)", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_policy_exits_1_before_anything_is_read()
    {
        var bad = Path.Combine(emu.Dir, "bad.json");
        File.WriteAllText(bad, """{ "name": "x", "managed_network": { "isolation_mode": "wide_open" } }""");
        var before = emu.Emulator.Requests.List().Count;

        var r = await AuditAsync("--workspace", CustomVnet, "--policy", bad);

        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Contains("invalid policy, no audit", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, emu.Emulator.Requests.List().Count);
    }

    [Theory]
    [InlineData(new string[0], "audit needs what to audit")]
    [InlineData(new[] { "--workspace", "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-vnet/providers/Microsoft.MachineLearningServices/workspaces/ws-custom-vnet", "--subscriptions", "00000000-0000-0000-0000-000000000001" }, "not both")]
    [InlineData(new[] { "--workspace", "ws-custom-vnet" }, "--workspace needs a workspace resource id")]
    [InlineData(new[] { "--subscriptions", "sub-one" }, "--subscriptions must list subscription ids")]
    [InlineData(new[] { "--workspace", "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-vnet/providers/Microsoft.MachineLearningServices/workspaces/ws-custom-vnet", "extra" }, "no positional arguments")]
    public async Task Usage_mistakes_exit_2(string[] args, string message)
    {
        var r = await AuditAsync(args);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Contains(message, r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_that_does_not_exist_is_a_runtime_failure()
    {
        var r = await AuditAsync("--workspace", CliEmulator.Ws("rg-ml-vnet", "ws-gone"));
        Assert.Equal(ExitCode.Runtime, r.Code);
        Assert.Contains("ws-gone not found", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_states_what_each_exit_code_means()
    {
        var r = await MnetRun.RunAsync(["audit", "--help"]);
        Assert.Equal(ExitCode.Ok, r.Code);
        Assert.Contains("0 no finding of severity high", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 at least one high finding", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("mnet audit --subscriptions <id,...>", r.Stdout, StringComparison.Ordinal);
    }
}
