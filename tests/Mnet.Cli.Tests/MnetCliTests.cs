using System.Text.RegularExpressions;
using Mnet.Cli.Commands;
using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests;

public class MnetCliTests
{
    [Fact]
    public async Task Unknown_command_exits_2_and_names_the_commands()
    {
        var r = await MnetRun.RunAsync(["frobnicate"]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Contains("unknown command \"frobnicate\"", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("validate, plan", r.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("mnet: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown command \"plna\"", (await MnetRun.RunAsync(["plna"])).Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean \"validate\"", (await MnetRun.RunAsync(["val"])).Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_flag_exits_2_with_where_to_find_usage()
    {
        var r = await MnetRun.RunAsync(["validate", "--strict", "examples/policy.yaml"]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Contains("unknown option --strict", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("mnet validate --help", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCode.Usage, (await MnetRun.RunAsync(["--bogus"])).Code);
    }

    [Fact]
    public async Task A_misspelt_flag_gets_a_did_you_mean()
    {
        var r = await MnetRun.RunAsync(["plan", "--polcy", "examples/policy.yaml"]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Contains("unknown option --polcy (did you mean --policy?)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_help_command_command_help_and_version()
    {
        var help = await MnetRun.RunAsync(["--help"]);
        Assert.Equal(ExitCode.Ok, help.Code);
        foreach (var c in CommandTable.All)
        {
            Assert.Matches(new Regex($"(?m)^  {c.Name}\\s+{Regex.Escape(c.Summary)}$"), help.Stdout);
        }

        var planHelp = await MnetRun.RunAsync(["plan", "--help"]);
        Assert.Equal(ExitCode.Ok, planHelp.Code);
        Assert.Contains("--state <file>", planHelp.Stdout, StringComparison.Ordinal);
        Assert.Equal((await MnetRun.RunAsync(["help", "validate"])).Stdout, (await MnetRun.RunAsync(["validate", "-h"])).Stdout);
        var version = await MnetRun.RunAsync(["--version"]);
        Assert.Matches(@"^\d+\.\d+\.\d+\n$", version.Stdout);
        Assert.Equal($"{MnetCli.Version}\n", version.Stdout);
    }

    [Fact]
    public async Task No_command_prints_help_on_stderr_and_exits_2()
    {
        var r = await MnetRun.RunAsync([]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Equal("", r.Stdout);
        Assert.Contains("Usage: mnet <command>", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_table_has_unique_names_and_every_command_documents_its_usage()
    {
        var names = CommandTable.All.Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (var c in CommandTable.All)
        {
            Assert.NotEmpty(c.Usage);
            Assert.All(c.Usage, u => Assert.StartsWith($"mnet {c.Name}", u, StringComparison.Ordinal));
            Assert.Same(c, CommandTable.Find(c.Name));
        }
    }

    [Fact]
    public async Task Global_flags_may_come_before_the_command()
    {
        var r = await MnetRun.RunAsync(["--verbose", "validate", "examples/policy.yaml"]);
        Assert.Equal(ExitCode.Ok, r.Code);
    }
}
