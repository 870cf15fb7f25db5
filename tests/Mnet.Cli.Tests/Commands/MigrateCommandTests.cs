using System.Text.RegularExpressions;
using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests.Commands;

/// <summary>`mnet migrate` against a fresh emulator (demo scenario) per test, in process.</summary>
public sealed class MigrateCommandTests : IAsyncLifetime
{
    private const string Policy = "examples/demo-policy.yaml";
    private static readonly string Legacy = CliEmulator.Ws("rg-ml-prod", "ws-legacy");
    private CliEmulator fx = null!;

    public async Task InitializeAsync() => fx = await CliEmulator.StartAsync();

    public async Task DisposeAsync() => await fx.DisposeAsync();

    private string[] Args(params string[] extra) => ["migrate", .. fx.Target, "--policy", Policy, "--workspace", Legacy, .. extra];

    private IReadOnlyList<string> Computes() =>
        fx.Emulator.State.Read(s => s.Workspace(Legacy)!.Computes.Keys.Order(StringComparer.Ordinal).ToList());

    private int Endpoints() => fx.Emulator.State.Read(s => s.Workspace(Legacy)!.Endpoints.Count);

    [Fact]
    public async Task Dry_run_lists_the_phases_and_deletes_nothing()
    {
        var r = await MnetRun.RunAsync(Args("--dry-run"), env: fx.Env("bob"));
        Assert.True(r.Code == ExitCode.Ok, r.Stderr + r.Stdout);
        Assert.Contains("computes deleted and recreated after provisioning: cpu-cluster", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("· migrate-computes:delete planned", r.Stdout, StringComparison.Ordinal);
        Assert.Matches("(?m)^result: dry-run$", r.Stdout);
        Assert.Empty(fx.Writes());
    }

    [Fact]
    public async Task Yes_snapshots_deletes_provisions_and_recreates_every_compute_then_resume_is_harmless()
    {
        var before = Computes();
        var r = await MnetRun.RunAsync(Args("--yes"), env: fx.Env("bob"));
        Assert.True(r.Code == ExitCode.Ok, r.Stderr + r.Stdout);
        var id = Regex.Match(r.Stdout, @"Migrating \(migration id ([0-9a-f-]{36});").Groups[1].Value;
        Assert.NotEmpty(id);
        // The C# migration names its first phase "plan" (the TypeScript one "inventory").
        foreach (var phase in new[] { "plan", "snapshot", "delete", "recreate", "verify" })
        {
            Assert.Contains($"✔ migrate-computes:{phase} succeeded", r.Stdout, StringComparison.Ordinal);
        }

        Assert.Matches("(?m)^result: migrated$", r.Stdout);
        Assert.Equal(before, Computes());
        Assert.Contains(fx.Writes(), w => w.Method == "DELETE" && w.Path.EndsWith("/computes/cpu-cluster", StringComparison.OrdinalIgnoreCase));

        // Resuming a finished migration is harmless: everything exists, nothing is recreated.
        var resumed = await MnetRun.RunAsync(Args("--resume", id, "--yes"), env: fx.Env("bob"));
        Assert.True(resumed.Code == ExitCode.Ok, resumed.Stderr + resumed.Stdout);
        Assert.Contains($"saved {before.Count} compute(s) and {Endpoints()} online endpoint(s)", resumed.Stdout, StringComparison.Ordinal);
        Assert.Matches("(?m)^result: migrated$", resumed.Stdout);
    }

    [Fact]
    public async Task Resume_with_a_malformed_or_unknown_id_is_a_usage_error()
    {
        var bad = await MnetRun.RunAsync(Args("--resume", "last"));
        Assert.Equal(ExitCode.Usage, bad.Code);
        Assert.Contains("--resume needs the migration id", bad.Stderr, StringComparison.Ordinal);
        var unknown = await MnetRun.RunAsync(Args("--resume", "6f1c2a55-5f0e-4a8e-9d55-7f7b3c1e2d40", "--yes"), env: fx.Env("bob"));
        Assert.Equal(ExitCode.Usage, unknown.Code);
        Assert.Contains("no snapshots for migration 6f1c2a55", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_terminal_and_without_yes_it_refuses_with_exit_2_and_deletes_nothing()
    {
        var r = await MnetRun.RunAsync(Args(), env: fx.Env("bob"));
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Contains("mnet: migrate asks for confirmation", r.Stderr, StringComparison.Ordinal);
        Assert.Empty(fx.Writes());
    }
}
