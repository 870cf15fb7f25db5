using System.Text.RegularExpressions;
using Mnet.Core.Policy;
using Mnet.Core.Tests.Support;

namespace Mnet.Core.Tests.Policy;

/// <summary>docs/policy.md and the code agree: the rule table both ways, and the full example.</summary>
public sealed class DocsTests
{
    private static readonly string Doc = Lf(RepoPaths.ReadText("docs", "policy.md"));

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string SeverityText(PolicyRuleSeverity severity) => severity switch
    {
        PolicyRuleSeverity.Error => "error",
        PolicyRuleSeverity.Warning => "warning",
        _ => "error or warning",
    };

    [Fact]
    public void Docs_policy_md_documents_every_rule_id_with_its_severity()
    {
        var lines = Doc.Split('\n');
        foreach (var rule in PolicyRuleIds.Rules)
        {
            var row = lines.FirstOrDefault(l => l.StartsWith($"| `{rule.Id}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"no table row for {rule.Id}");
            var severityCell = row.Split('|')[2];
            Assert.True(severityCell.Contains(SeverityText(rule.Severity), StringComparison.Ordinal),
                $"{rule.Id}: severity {SeverityText(rule.Severity)} not in \"{row}\"");
        }
    }

    [Fact]
    public void Every_rule_id_the_docs_list_in_a_rule_table_exists()
    {
        var sections = Doc[Doc.IndexOf("## Validation rules", StringComparison.Ordinal)..];
        sections = sections[..sections.IndexOf("### Facts not judged", StringComparison.Ordinal)];
        var documented = Regex.Matches(sections, @"^\| `([a-z-]+)` \|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToList();
        Assert.Equal(PolicyRuleIds.All.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_full_example_in_the_docs_is_examples_policy_yaml_and_it_is_valid()
    {
        var block = Regex.Match(Doc, @"## A full example[\s\S]*?```yaml\n([\s\S]*?)```").Groups[1].Value;
        var example = Lf(RepoPaths.ReadText("examples", "policy.yaml"));
        var file = Regex.Replace(example, @"^#.*\n", "", RegexOptions.Multiline);
        Assert.Equal(file.Trim(), block.Trim());
        var r = PolicyLoader.Load(block, "doc.yaml");
        Assert.True(r.Ok, PolicyInputs.Describe(r));
    }
}
