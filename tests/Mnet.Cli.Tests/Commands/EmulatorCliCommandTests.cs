using System.Diagnostics;
using System.Runtime.InteropServices;
using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests.Commands;

/// <summary>`mnet emulator` as a user runs it: a real process, real signals.</summary>
public partial class EmulatorCliCommandTests
{
    [Fact]
    public async Task Two_emulators_run_side_by_side_and_stopping_one_leaves_the_other_serving()
    {
        var dirA = Directory.CreateTempSubdirectory("mnet-emu-a-").FullName;
        var dirB = Directory.CreateTempSubdirectory("mnet-emu-b-").FullName;
        using var a = await EmulatorProcess.StartAsync(dirA);
        using var b = await EmulatorProcess.StartAsync(dirB);
        Assert.NotEqual(a.Url, b.Url);
        Assert.Equal(Path.Combine(dirA, "emulator-ca.pem"), a.CaPath);
        Assert.True(await a.AnswersAsync());
        Assert.True(await b.AnswersAsync());

        Assert.Equal(0, Kill(a.Process.Id, 15));
        Assert.True(a.Process.WaitForExit(15_000), "SIGTERM stops the emulator");
        Assert.Equal(ExitCode.Ok, a.Process.ExitCode);
        Assert.False(await a.AnswersAsync(), "nothing listens on the stopped emulator's port");
        Assert.True(await b.AnswersAsync(), "the other emulator still serves");

        Assert.Equal(0, Kill(b.Process.Id, 2));
        Assert.True(b.Process.WaitForExit(15_000), "SIGINT (Ctrl-C) stops the emulator");
        Assert.Equal(ExitCode.Ok, b.Process.ExitCode);
    }

    [Fact]
    public async Task A_second_emulator_on_a_taken_port_exits_2_and_leaves_the_first_ones_certificate_alone()
    {
        var dir = Directory.CreateTempSubdirectory("mnet-emu-").FullName;
        using var first = await EmulatorProcess.StartAsync(dir);
        var before = await File.ReadAllTextAsync(first.CaPath);
        var port = new Uri(first.Url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var r = await MnetRun.RunAsync(["emulator", "--port", port, "--cert-dir", dir]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.StartsWith($"mnet: port {port} is already in use", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(first.CaPath));
        Assert.True(await first.AnswersAsync());
        Assert.Equal(0, Kill(first.Process.Id, 15));
        Assert.True(first.Process.WaitForExit(15_000));
    }

    [Fact]
    public async Task Drift_and_plan_workspace_talk_to_a_running_mnet_emulator_with_endpoint_and_ca()
    {
        var dir = Directory.CreateTempSubdirectory("mnet-emu-demo-").FullName;
        using var emulator = await EmulatorProcess.StartAsync(dir, "demo");
        Assert.Equal(Path.Combine(dir, "emulator-ca.pem"), emulator.CaPath);
        var drift = await MnetRun.RunAsync(["drift", "--endpoint", emulator.Url, "--ca", emulator.CaPath, "--policy", "examples/policy.yaml", "--json"]);
        Assert.True(drift.Code == ExitCode.Ok, drift.Stderr);
        Assert.True(System.Text.Json.Nodes.JsonNode.Parse(drift.Stdout)!["scanned"]!.GetValue<int>() > 0);

        const string ws = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml-prod/providers/Microsoft.MachineLearningServices/workspaces/ws-legacy";
        var plan = await MnetRun.RunAsync(["plan", "--endpoint", emulator.Url, "--ca", emulator.CaPath, "--policy", "examples/demo-policy.yaml", "--workspace", ws, "--json"]);
        Assert.True(plan.Code == ExitCode.Ok, plan.Stderr);
        var parsed = Mnet.Core.Planning.PlanJson.Deserialize(plan.Stdout);
        Assert.True(parsed.ComputesKnown, "a live read includes computes");
        Assert.Contains(parsed.Steps, s => s is Mnet.Core.Planning.MigrateComputesStep);
        Assert.Equal(0, Kill(emulator.Process.Id, 15));
        Assert.True(emulator.Process.WaitForExit(15_000));
        Assert.Equal(ExitCode.Ok, emulator.Process.ExitCode);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "x")]
    [InlineData("--time-scale", "0")]
    public async Task Bad_values_are_usage_errors(string option, string value)
    {
        var r = await MnetRun.RunAsync(["emulator", option, value]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.StartsWith($"mnet: {option}", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_scenario_is_a_usage_error()
    {
        var r = await MnetRun.RunAsync(["emulator", "--port", "0", "--scenario", "galaxy", "--cert-dir", Directory.CreateTempSubdirectory().FullName]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.StartsWith("mnet: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("galaxy", r.Stderr, StringComparison.Ordinal);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
