using System.Text.RegularExpressions;
using Mnet.Cli.Report;
using static Mnet.Cli.Tests.Report.ReportFixture;

namespace Mnet.Cli.Tests.Report;

/// <summary>Port of tests/report/render.test.ts "required rules of the service".</summary>
public sealed class RequiredRulesTests
{
    [Fact]
    public void Are_folded_into_one_line_per_type_in_both_diagrams_the_user_rules_stay_one_line_each()
    {
        var run = SampleRun();
        var after = run.Workspaces[0].After!;
        var required = new[] { "AzureActiveDirectory", "AzureMonitor", "VirtualNetwork" }
            .Select(tag => new RuleView($"__SYS_ST_{tag}", "ServiceTag", $"{tag} TCP 443", "Required", "Active"));
        run = WithAfter(run, 0, after with { Rules = [.. after.Rules, .. required] });

        string first = MermaidBlocks(MarkdownReport.Render(run))[0];
        Assert.Contains("subgraph g2[\"Service tags (4)\"]", first, StringComparison.Ordinal);
        Assert.Contains("[\"required by the service (3)<br/>AzureActiveDirectory, AzureMonitor, VirtualNetwork<br/>Active\"]:::good", first, StringComparison.Ordinal);
        Assert.DoesNotContain("__SYS_ST_", first, StringComparison.Ordinal);
        Assert.Contains("[\"adf<br/>DataFactory TCP 443<br/>Active\"]", first, StringComparison.Ordinal);

        string svg = Regex.Match(HtmlReport.Render(run), "<svg [\\s\\S]*?</svg>").Value;
        Assert.Contains("required by the service (3)", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("__SYS_ST_", svg, StringComparison.Ordinal);
        Assert.Contains("Service tags (4)", svg, StringComparison.Ordinal);
    }
}
