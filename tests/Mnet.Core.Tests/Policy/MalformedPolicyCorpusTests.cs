using Mnet.Core.Policy;

namespace Mnet.Core.Tests.Policy;

/// <summary>
/// Issue 19, malformed input: every policy of <see cref="MalformedPolicyCorpus"/> is refused (never accepted, never
/// an exception) with a problem naming the rule, the place and what is wrong. Port of the policy half of the TypeScript
/// tests/reliability/bad-input.test.ts.
/// </summary>
public sealed class MalformedPolicyCorpusTests
{
    public static TheoryData<string> Names => new(MalformedPolicyCorpus.Cases.Select(c => c.Name));

    [Fact]
    public void The_unmutated_policy_is_accepted_and_the_corpus_has_every_TypeScript_case()
    {
        var control = PolicyLoader.Load(MalformedPolicyCorpus.ValidText, "control.yaml");
        Assert.True(control.Ok, PolicyInputs.Describe(control));
        Assert.True(MalformedPolicyCorpus.Cases.Count >= 79, $"{MalformedPolicyCorpus.Cases.Count} cases");
        Assert.Equal(MalformedPolicyCorpus.Cases.Count, MalformedPolicyCorpus.Cases.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Is_refused_naming_the_rule_the_place_and_what_is_wrong(string name)
    {
        var k = MalformedPolicyCorpus.Named(name);
        var result = PolicyLoader.Load(k.Text, "corpus.yaml");
        string got = PolicyInputs.Describe(result);
        Assert.False(result.Ok, $"accepted:\n{k.Text}");
        Assert.Null(result.Policy);
        var hit = result.Problems.FirstOrDefault(p =>
            p.Rule == k.Rule && p.Path.Contains(k.Path, StringComparison.Ordinal)
            && PolicyProblemFormatter.Format(p).Contains(k.Needle, StringComparison.OrdinalIgnoreCase));
        Assert.True(hit is not null, $"expected [{k.Rule}] at \"{k.Path}\" mentioning \"{k.Needle}\", got:\n{got}");
        if (k.Line is { } line) Assert.True(hit.Line == line, $"expected line {line}, got:\n{got}");
        int lines = Math.Max(1, k.Text.Split('\n').Length);
        foreach (var p in result.Problems)
        {
            Assert.True(PolicyRuleIds.Find(p.Rule) is not null, $"unregistered rule id {p.Rule}");
            Assert.True(p.Message.Trim().Length >= 10, $"message too terse: \"{p.Message}\"");
            Assert.True(p.Line is >= 1 && p.Line <= lines, $"no line in the text for {PolicyProblemFormatter.Format(p)}");
            Assert.Equal("corpus.yaml", p.Source);
        }
    }
}
