using Mnet.Cli.Tests.Support;

namespace Mnet.Cli.Tests.Commands;

public class ValidateCommandTests
{
    private static readonly string Fix = MnetRun.Fixtures;

    [Fact]
    public async Task The_example_policy_is_valid_and_counts_its_rules()
    {
        var r = await MnetRun.RunAsync(["validate", "examples/policy.yaml"]);
        Assert.True(r.Code == ExitCode.Ok, r.Stderr);
        Assert.Matches(@"^examples/policy\.yaml: valid \(\d+ rules, \d+ from rule packs\)\n$", r.Stdout);
    }

    [Fact]
    public async Task Rule_counts_include_pack_rules_resolved_per_workspace()
    {
        var r = await MnetRun.RunAsync(["validate", $"{Fix}/valid-small.yaml"]);
        Assert.Equal(ExitCode.Ok, r.Code);
        Assert.Equal($"{Fix}/valid-small.yaml: valid (3 rules, 2 from rule packs)\n", r.Stdout);
    }

    [Fact]
    public async Task Three_mistakes_give_three_lines_with_line_col_and_rule_exit_1()
    {
        var r = await MnetRun.RunAsync(["validate", $"{Fix}/three-mistakes.yaml"]);
        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Equal(3, r.OutLines.Count);
        Assert.Matches(@"three-mistakes\.yaml:10:\d+ .*\[fqdn-storage-in-approved-mode\]$", r.OutLines[0]);
        Assert.StartsWith($"{Fix}/three-mistakes.yaml:10:", r.OutLines[0], StringComparison.Ordinal);
        Assert.Matches(@":11:\d+ .*\[rule-name-format\]$", r.OutLines[1]);
        Assert.Matches(@":14:\d+ .*python_packagez.*\[rule-pack-unknown\]$", r.OutLines[2]);
        Assert.Contains("invalid (3 problems)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_three_mistakes_example_prints_three_problems_with_positions()
    {
        var r = await MnetRun.RunAsync(["validate", "examples/invalid/three-mistakes.yaml"]);
        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Equal(3, r.OutLines.Count);
        Assert.All(r.OutLines, l => Assert.Matches(@"^examples/invalid/three-mistakes\.yaml:\d+:\d+ .* \[[a-z-]+\]$", l));
    }

    [Fact]
    public async Task A_yaml_syntax_error_is_invalid_with_the_parser_line_and_column()
    {
        var r = await MnetRun.RunAsync(["validate", $"{Fix}/syntax-error.yaml"]);
        Assert.Equal(ExitCode.Failed, r.Code);
        Assert.Single(r.OutLines);
        Assert.Matches(@"syntax-error\.yaml:\d+:\d+: .*\[yaml-syntax\]$", r.OutLines[0]);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error_without_a_stack_trace()
    {
        var r = await MnetRun.RunAsync(["validate", $"{Fix}/does-not-exist.yaml"]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Equal("", r.Stdout);
        Assert.Equal($"mnet: policy file not found: {Fix}/does-not-exist.yaml\n", r.Stderr);
    }

    [Fact]
    public async Task A_directory_is_a_usage_error_naming_it()
    {
        var r = await MnetRun.RunAsync(["validate", "examples"]);
        Assert.Equal(ExitCode.Usage, r.Code);
        Assert.Matches("^mnet: (policy file is a directory|cannot read policy file): ?examples", r.Stderr);
        Assert.DoesNotMatch(@"\s+at\s", r.Stderr);
    }

    [Fact]
    public async Task A_missing_or_extra_argument_is_a_usage_error()
    {
        var none = await MnetRun.RunAsync(["validate"]);
        Assert.Equal(ExitCode.Usage, none.Code);
        Assert.Contains("validate needs a policy file", none.Stderr, StringComparison.Ordinal);
        var two = await MnetRun.RunAsync(["validate", "a.yaml", "b.yaml"]);
        Assert.Equal(ExitCode.Usage, two.Code);
    }

    [Theory]
    [InlineData("examples/policy.yaml", ExitCode.Ok)]
    [InlineData("examples/demo-policy.yaml", ExitCode.Ok)]
    [InlineData("examples/policy-internet.yaml", ExitCode.Ok)]
    [InlineData("policies/default.yaml", ExitCode.Ok)]
    [InlineData("examples/invalid/three-mistakes.yaml", ExitCode.Failed)]
    public async Task Every_shipped_policy_is_valid_and_the_invalid_example_exits_1(string file, int expected)
    {
        var r = await MnetRun.RunAsync(["validate", file]);
        Assert.True(expected == r.Code, r.Stdout + r.Stderr);
    }
}
