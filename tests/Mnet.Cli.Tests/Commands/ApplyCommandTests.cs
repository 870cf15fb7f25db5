using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests.Commands;

/// <summary>`mnet apply` against a fresh emulator (demo scenario) per test, in process.</summary>
public sealed class ApplyCommandTests : IAsyncLifetime
{
    private const string Policy = "examples/demo-policy.yaml";
    private static readonly string Internet = CliEmulator.Ws("rg-ml-prod", "ws-internet");
    private CliEmulator fx = null!;

    public async Task InitializeAsync() => fx = await CliEmulator.StartAsync();

    public async Task DisposeAsync() => await fx.DisposeAsync();

    private string[] Args(params string[] extra) => ["apply", .. fx.Target, "--policy", Policy, "--workspace", Internet, .. extra];

    private string? Mode() => fx.Emulator.State.Read(s => s.Workspace(Internet)?.ManagedNetwork.IsolationMode.ToString());

    [Fact]
    public async Task Without_a_terminal_and_without_yes_it_refuses_with_exit_2_after_showing_the_plan()
    {
        var r = await MnetRun.RunAsync(Args(), env: fx.Env());
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Matches(@"(?m)^Plan for ws-internet \(Default\)", r.Stdout);
        Assert.Matches("(?m)^mnet: apply asks for confirmation before changing anything, and no terminal is attached to answer it$", r.Stderr);
        Assert.Contains("--yes", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(fx.Writes());
    }

    [Fact]
    public async Task Answering_n_at_the_prompt_exits_1_and_writes_nothing()
    {
        var r = await MnetRun.RunAsync(Args(), env: fx.Env(), answers: ["n"]);
        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Matches(@"Apply these \d+ step\(s\) to ws-internet\? \[y/N\] ", r.Stderr);
        Assert.Contains("not confirmed: nothing was changed", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(fx.Writes());
    }

    [Fact]
    public async Task Dry_run_plans_every_step_in_the_orchestration_and_writes_nothing()
    {
        var r = await MnetRun.RunAsync(Args("--dry-run"), env: fx.Env());
        Assert.True(r.Code == ExitCode.Ok, r.Stderr + r.Stdout);
        Assert.Matches(@"(?m)^Dry run \(nothing is written\):$", r.Stdout);
        Assert.Contains("· set-isolation-mode planned", r.Stdout, StringComparison.Ordinal);
        Assert.Matches("(?m)^result: dry-run$", r.Stdout);
        Assert.Empty(fx.Writes());
    }

    [Fact]
    public async Task Answering_y_runs_the_onboarding_to_the_end_one_line_per_step()
    {
        var before = fx.Clock.GetUtcNow();
        var r = await MnetRun.RunAsync(Args(), env: fx.Env(), answers: ["y"]);
        Assert.True(r.Code == ExitCode.Ok, r.Stderr + r.Stdout);
        Assert.Contains("✔ set-isolation-mode succeeded: isolationMode: AllowInternetOutbound -> AllowOnlyApprovedOutbound", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("✔ provision-network succeeded", r.Stdout, StringComparison.Ordinal);
        Assert.Matches("(?m)^result: applied$", r.Stdout);
        Assert.Equal("AllowOnlyApprovedOutbound", Mode());
        Assert.True(fx.Clock.GetUtcNow() > before, "the CLI moved the emulator's clock instead of waiting");
        // Real UTC start, emulated time labelled as such.
        Assert.Matches(@"started \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, real UTC\); emulated time passed: .+ \(the emulator's clock\)", r.Stdout);
        var started = System.Text.RegularExpressions.Regex.Match(r.Stdout, @"started (\S+Z), real UTC").Groups[1].Value;
        Assert.True(Math.Abs((DateTimeOffset.Parse(started, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UtcNow).TotalMinutes) < 5, started);

        var again = await MnetRun.RunAsync(Args("--yes"), env: fx.Env());
        Assert.Equal(ExitCode.Ok, again.Code);
        Assert.Contains("compliant: nothing to do", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yes_without_a_terminal_applies_and_a_workspace_outside_the_scope_exits_1()
    {
        var r = await MnetRun.RunAsync(Args("--yes"), env: fx.Env());
        Assert.True(r.Code == ExitCode.Ok, r.Stderr + r.Stdout);
        Assert.Equal("AllowOnlyApprovedOutbound", Mode());
        var locked = await MnetRun.RunAsync(
            ["apply", .. fx.Target, "--policy", Policy, "--workspace", CliEmulator.Ws("rg-ml-locked", "ws-locked"), "--yes"], env: fx.Env());
        Assert.Equal(ExitCode.Failed, locked.Code);
        Assert.Matches("(?m)^mnet: ws-locked is outside the scope of policy \"contoso-ml-approved-outbound\": excluded", locked.Stderr);
    }

    [Fact]
    public async Task Usage_errors_missing_workspace_a_malformed_id_a_workspace_that_does_not_exist()
    {
        Assert.Contains("apply needs --workspace <id>",
            (await MnetRun.RunAsync(["apply", .. fx.Target, "--policy", Policy])).Stderr, StringComparison.Ordinal);
        var bad = await MnetRun.RunAsync(["apply", .. fx.Target, "--policy", Policy, "--workspace", "ws-internet"]);
        Assert.Equal(ExitCode.Usage, bad.Code);
        Assert.Contains("--workspace needs a workspace resource id", bad.Stderr, StringComparison.Ordinal);
        var missing = await MnetRun.RunAsync(
            ["apply", .. fx.Target, "--policy", Policy, "--workspace", CliEmulator.Ws("rg-ml-prod", "ws-nope"), "--yes"], env: fx.Env());
        Assert.Equal(ExitCode.Usage, missing.Code);
        Assert.Matches("workspace .*ws-nope does not exist", missing.Stderr);
    }
}
