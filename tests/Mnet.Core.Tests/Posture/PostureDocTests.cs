using System.Text.RegularExpressions;
using Mnet.Core.Catalog;
using Mnet.Core.Posture;
using Mnet.TestSupport.Repository;

namespace Mnet.Core.Tests.Posture;

/// <summary>docs/posture.md describes every finding of <see cref="PostureRules.All"/> with its source, and the readiness facts.</summary>
public sealed partial class PostureDocTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryRoot.Combine("docs", "posture.md"));

    [Fact]
    public void The_doc_describes_every_rule_with_its_severity_seed_sentence_seed_file_and_fix()
    {
        Assert.Empty(Problems(Doc));
    }

    [Fact]
    public void The_doc_lists_the_facts_behind_the_readiness_rules()
    {
        Assert.All(ManagedNetworkMoveFacts.All, f =>
        {
            Assert.Contains($"`{f.Id}`", Doc, StringComparison.Ordinal);
            Assert.Contains(f.Quote, Doc, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_rule_missing_from_the_doc_is_reported()
    {
        var rule = PostureRules.ComputePublicIp;
        var section = Sections(Doc)[rule.Code];
        var without = Doc.Replace($"### `{rule.Code}`\n", "", StringComparison.Ordinal).Replace(section, "", StringComparison.Ordinal);

        Assert.Contains($"{rule.Code}: not described", Problems(without));
    }

    [Fact]
    public void A_section_with_a_stale_quote_or_severity_or_an_unknown_rule_is_reported()
    {
        var rule = PostureRules.StorageNotIsolated;
        var stale = Doc.Replace(rule.Fact.Quote, "Storage is fine anywhere.", StringComparison.Ordinal)
            + "\n### `storage-is-magic`\n\n- **severity**: low\n";
        var problems = Problems(stale);
        Assert.Contains($"{rule.Code}: the seed's sentence is not quoted", problems);
        Assert.Contains("storage-is-magic: not a rule of PostureRules.All", problems);

        var downgraded = Doc.Replace($"### `{rule.Code}`\n\n- **severity**: high", $"### `{rule.Code}`\n\n- **severity**: low", StringComparison.Ordinal);
        Assert.Contains($"{rule.Code}: severity is not high", Problems(downgraded));
    }

    /// <summary>What the doc gets wrong about the rules (empty when it describes them all, and nothing else).</summary>
    private static List<string> Problems(string doc)
    {
        var problems = new List<string>();
        var sections = Sections(doc);
        foreach (var rule in PostureRules.All)
        {
            if (!sections.TryGetValue(rule.Code, out var text))
            {
                problems.Add($"{rule.Code}: not described");
                continue;
            }

            var severity = rule.Severity.ToString().ToLowerInvariant();
            if (!text.Contains($"- **severity**: {severity}\n", StringComparison.Ordinal)) problems.Add($"{rule.Code}: severity is not {severity}");
            if (!text.Contains($"- **what**: {rule.Title}", StringComparison.Ordinal)) problems.Add($"{rule.Code}: what is wrong is not stated");
            if (!text.Contains($"\"{rule.Fact.Quote}\"", StringComparison.Ordinal)) problems.Add($"{rule.Code}: the seed's sentence is not quoted");
            if (!text.Contains($"`{rule.Fact.SeedFile}`", StringComparison.Ordinal)) problems.Add($"{rule.Code}: the seed file is not named");
            if (!text.Contains($"- **fix**: {rule.Fix}", StringComparison.Ordinal)) problems.Add($"{rule.Code}: the fix is not stated");
        }

        problems.AddRange(sections.Keys.Where(code => PostureRules.Find(code) is null).Select(code => $"{code}: not a rule of PostureRules.All"));
        return problems;
    }

    /// <summary>Each <c>### `code`</c> section's text, up to the next heading.</summary>
    private static Dictionary<string, string> Sections(string doc) =>
        SectionPattern().Matches(doc).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"^### `([^`]+)`\n(.*?)(?=^#{2,3} |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SectionPattern();
}
