using Mnet.Core.Policy;
using Mnet.Core.Policy.Syntax;

namespace Mnet.Core.Tests.Policy.Syntax;

/// <summary>
/// The YAML reader: YAML 1.2 core-schema typing, positions, anchors and merge keys, one document only, alias bombs.
/// </summary>
public sealed class YamlPolicyParserTests
{
    private const string Sub = "00000000-0000-0000-0000-000000000001";

    private static PolicyNode Root(string text)
    {
        var parsed = YamlPolicyParser.Parse(text);
        Assert.Empty(parsed.Errors);
        return parsed.Root!;
    }

    private static object? ValueOf(string yamlScalar) =>
        ((PolicyScalar)((PolicyMapping)Root($"v: {yamlScalar}\n"))["v"]!).Value;

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("'true'", "true")]
    [InlineData("!!str 5", "5")]
    [InlineData("pypi.org:443", "pypi.org:443")]
    [InlineData("80, 443", "80, 443")]
    public void Strings_stay_strings(string yaml, string expected) => Assert.Equal(expected, ValueOf(yaml));

    [Theory]
    [InlineData("443", 443d)]
    [InlineData("0x1BB", 443d)]
    [InlineData("0o17", 15d)]
    [InlineData("1.5", 1.5d)]
    [InlineData("1e2", 100d)]
    [InlineData("-7", -7d)]
    public void Numbers_follow_the_yaml_1_2_core_schema(string yaml, double expected) =>
        Assert.Equal(expected, ValueOf(yaml));

    [Theory]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Booleans_follow_the_core_schema(string yaml, bool expected) => Assert.Equal(expected, ValueOf(yaml));

    [Theory]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("")]
    public void Nulls_follow_the_core_schema(string yaml) => Assert.Null(ValueOf(yaml));

    [Fact]
    public void Keys_and_values_keep_their_line_and_column()
    {
        var root = (PolicyMapping)Root("scope:\n  subscriptions:\n    - a\n  tags: {x: 1}\n");
        var scope = (PolicyMapping)root["scope"]!;
        Assert.Equal(new SourcePosition(2, 3), scope.Entry("subscriptions")!.KeyPosition);
        Assert.Equal(new SourcePosition(3, 7), ((PolicySequence)scope["subscriptions"]!).Items[0].Position);
        Assert.Equal(new SourcePosition(4, 13), ((PolicyMapping)scope["tags"]!)["x"]!.Position);
    }

    [Fact]
    public void A_merge_key_brings_in_the_anchored_keys_and_explicit_keys_win()
    {
        var text = $"""
            scope: {"{"}subscriptions: ['{Sub}']{"}"}
            managed_network:
              isolation_mode: allow_only_approved_outbound
              outbound_rules:
                - &rule
                  name: pypi
                  type: fqdn
                  destination: pypi.org
                - <<: *rule
                  name: pypi-files
                  destination: files.pythonhosted.org
            """;
        var r = PolicyLoader.Load(text, "merge.yaml");
        Assert.True(r.Ok, string.Join('\n', r.Problems.Select(PolicyProblemFormatter.Format)));
        Assert.Equal(
            [new PolicyFqdnRule("pypi", "pypi.org"), new PolicyFqdnRule("pypi-files", "files.pythonhosted.org")],
            r.Policy!.ManagedNetwork.OutboundRules);
    }

    [Fact]
    public void A_problem_inside_an_alias_points_at_the_alias()
    {
        var text = $"""
            scope: {"{"}subscriptions: ['{Sub}']{"}"}
            managed_network:
              isolation_mode: allow_only_approved_outbound
              outbound_rules:
                - &rule
                  name: pypi
                  type: fqdn
                  destination: pypi.org
                - *rule
            """;
        var r = PolicyLoader.Load(text, "alias.yaml");
        var unique = Assert.Single(r.Problems);
        Assert.Equal("rule-name-unique", unique.Rule);
        Assert.Equal((9, 7), (unique.Line, unique.Column));
    }

    [Fact]
    public void More_than_one_document_is_a_syntax_error_at_the_second()
    {
        var parsed = YamlPolicyParser.Parse("a: 1\n---\nb: 2\n");
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(2, error.Position.Line);
        Assert.Contains("more than one YAML document", error.Message);
    }

    [Fact]
    public void An_unknown_alias_is_a_syntax_error()
    {
        var error = Assert.Single(YamlPolicyParser.Parse("a: *nowhere\n").Errors);
        Assert.Contains("*nowhere", error.Message);
        Assert.Equal(new SourcePosition(1, 4), error.Position);
    }

    [Fact]
    public void An_alias_bomb_is_refused()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }
        var error = Assert.Single(YamlPolicyParser.Parse(string.Join('\n', lines)).Errors);
        Assert.Contains("aliases here expand", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var r = PolicyLoader.Load($"\uFEFFscope: {{subscriptions: ['{Sub}']}}\nmanaged_network: {{isolation_mode: " +
            $"disabled}}\n", "bom.yaml");
        Assert.True(r.Ok);
    }

    [Fact]
    public void A_mapping_as_a_key_is_a_syntax_error()
    {
        var error = Assert.Single(YamlPolicyParser.Parse("? [a]\n: 1\n").Errors);
        Assert.Contains("key", error.Message);
    }
}
