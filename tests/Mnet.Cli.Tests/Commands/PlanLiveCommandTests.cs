using Mnet.Cli.Tests.Support;
using Mnet.Core.Planning;

namespace Mnet.Cli.Tests.Commands;

/// <summary>`mnet plan --workspace` read live from an emulator (demo scenario), in process.</summary>
public class PlanLiveCommandTests(SharedEmulator shared) : IClassFixture<SharedEmulator>
{
    private const string DemoPolicy = "examples/demo-policy.yaml";
    private CliEmulator Fx => shared.Emulator;

    [Fact]
    public async Task A_live_read_includes_computes_so_the_plan_lists_the_migration()
    {
        var r = await MnetRun.RunAsync(["plan", .. Fx.Target, "--policy", DemoPolicy, "--workspace", CliEmulator.Ws("rg-ml-prod", "ws-legacy"), "--json"]);
        Assert.True(r.Code == ExitCode.Ok, r.Stderr);
        var plan = PlanJson.Deserialize(r.Stdout);
        Assert.True(plan.ComputesKnown, "a live read includes computes");
        Assert.Contains(plan.Steps, s => s is MigrateComputesStep);
    }

    [Fact]
    public async Task A_workspace_outside_the_policy_scope_exits_1_and_says_so()
    {
        var r = await MnetRun.RunAsync(["plan", .. Fx.Target, "--policy", DemoPolicy, "--workspace", CliEmulator.Ws("rg-ml-locked", "ws-locked")]);
        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Matches("(?m)^mnet: ws-locked is outside the scope of policy \"contoso-ml-approved-outbound\": excluded", r.Stderr);
        Assert.Contains("Plan for ws-locked", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_that_does_not_exist_is_a_usage_error()
    {
        var r = await MnetRun.RunAsync(["plan", .. Fx.Target, "--policy", DemoPolicy, "--workspace", CliEmulator.Ws("rg-ml-prod", "ws-nope")]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Matches("(?m)^mnet: workspace .*ws-nope does not exist", r.Stderr);
    }
}
