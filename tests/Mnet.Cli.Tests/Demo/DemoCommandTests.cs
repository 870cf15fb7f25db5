using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests.Demo;

/// <summary><c>mnet demo</c>'s usage errors: exit 2 with an <c>mnet:</c> line, before anything starts.</summary>
public sealed class DemoCommandTests
{
    [Theory]
    [InlineData(new[] { "demo", "extra" }, "demo takes no positional arguments")]
    [InlineData(new[] { "demo", "--time-scale", "0" }, "--time-scale must be a number from 1 to 100000")]
    [InlineData(new[] { "demo", "--policy", "examples/no-such-policy.yaml" }, "policy file not found: examples/no-such-policy.yaml")]
    public async Task Usage_errors_exit_2_and_say_what_is_wrong(string[] args, string message)
    {
        var run = await MnetRun.RunAsync(args);
        Assert.Equal(2, run.Code);
        Assert.Contains($"mnet: {message}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_options_and_the_exit_codes()
    {
        var run = await MnetRun.RunAsync(["demo", "--help"]);
        Assert.Equal(0, run.Code);
        Assert.Contains("--policy", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--out", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 final scan compliant, 1 drift left", run.Stdout, StringComparison.Ordinal);
    }
}
