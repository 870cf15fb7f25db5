using Mnet.Cli.Parsing;

namespace Mnet.Cli.Tests.Parsing;

public class ArgumentParserTests
{
    private static readonly OptionSpec[] Specs = [new("policy", "", "file"), new("json", "")];

    [Fact]
    public void Option_equals_value_double_dash_and_flags()
    {
        var parsed = ArgumentParser.Parse(["--policy=a.yaml", "--json", "--", "--not-an-option"], Specs);
        Assert.Equal(["--not-an-option"], parsed.Positionals);
        Assert.Equal("a.yaml", parsed.Value("policy"));
        Assert.True(parsed.Flag("json"));
    }

    [Fact]
    public void Repeated_options_flags_with_values_and_missing_values_are_usage_errors()
    {
        Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--policy", "a", "--policy", "b"], Specs));
        Assert.Contains("takes no value", Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--json=yes"], Specs)).Message, StringComparison.Ordinal);
        Assert.Contains("needs a value", Assert.Throws<UsageException>(() => ArgumentParser.Parse(["--policy", "--json"], Specs)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_dash_is_a_value_and_positionals_keep_their_order()
    {
        var parsed = ArgumentParser.Parse(["b", "--policy", "-", "a"], Specs);
        Assert.Equal("-", parsed.Value("policy"));
        Assert.Equal(["b", "a"], parsed.Positionals);
    }
}
