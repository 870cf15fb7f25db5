using System.Text.RegularExpressions;
using Mnet.Cli.Report;
using static Mnet.Cli.Tests.Report.ReportFixture;

namespace Mnet.Cli.Tests.Report;

/// <summary>Port of tests/report/render.test.ts "renderMarkdown".</summary>
public sealed class MarkdownReportTests
{
    static readonly string Md = MarkdownReport.Render(SampleRun());

    [Fact]
    public void Has_the_headline_the_scans_the_phases_and_one_section_per_workspace()
    {
        Assert.StartsWith("# mnet-autopilot demo\n", Md, StringComparison.Ordinal);
        Assert.Contains("**Final scan: all 2 in-scope workspaces compliant", Md, StringComparison.Ordinal);
        Assert.Contains("| Final | 2025-01-01 01:05:00 UTC | 3 | 2 | 2 | 0 | 0 | 1 |", Md, StringComparison.Ordinal);
        Assert.Contains("| 1 | Drift scan | ok | 1s | 120 ms |", Md, StringComparison.Ordinal);
        foreach (string name in new[] { "ws-prod", "ws-new", "ws-locked" }) Assert.Matches(new Regex($"^### {name}$", RegexOptions.Multiline), Md);
    }

    [Fact]
    public void Lists_the_steps_with_their_emulated_durations_and_the_warnings()
    {
        Assert.Contains("| provisionNetwork | provision-network | succeeded | 2025-01-01 00:05:00 UTC | 40m |", Md, StringComparison.Ordinal);
        Assert.Contains("| Orchestration | Step | Status | Started (emulated clock) | Took (emulated) | Detail |", Md, StringComparison.Ordinal);
        Assert.Contains("- firewall-cost: a Standard firewall is billed per hour", Md, StringComparison.Ordinal);
        Assert.Contains("| Isolation mode | Disabled | **AllowOnlyApprovedOutbound** |", Md, StringComparison.Ordinal);
    }

    [Fact]
    public void Draws_a_Mermaid_flowchart_per_managed_network_with_every_rule_and_private_endpoint_target()
    {
        var blocks = MermaidBlocks(Md);
        // ws-prod after and ws-new after; ws-prod's before and ws-locked have no managed network: nothing to draw.
        Assert.Equal(2, blocks.Count);
        Assert.Contains("_No managed network: nothing to draw._", Md, StringComparison.Ordinal);
        string prodAfter = blocks[0];
        Assert.StartsWith("\nflowchart LR\n", prodAfter, StringComparison.Ordinal);
        foreach (string rule in new[] { "data-blob", "data-dfs", "pypi", "adf" }) Assert.Contains($"[\"{rule}<br/>", prodAfter, StringComparison.Ordinal);
        Assert.Contains("subgraph g0[\"Private endpoints (2)\"]", prodAfter, StringComparison.Ordinal);
        Assert.Contains("t0[(\"stdata<br/>storageAccounts\")]:::target", prodAfter, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(prodAfter, @"-\.-> t0").Count);
        Assert.Contains("data-blob<br/>blob<br/>Active\"]:::good", prodAfter, StringComparison.Ordinal);
        Assert.Contains("data-dfs<br/>dfs<br/>Inactive\"]:::idle", prodAfter, StringComparison.Ordinal);
    }

    [Fact]
    public void Escapes_what_would_break_Markdown_or_Mermaid()
    {
        Assert.Contains("Note:** skipped: scope lock \\<ReadOnly>", Md, StringComparison.Ordinal);
        var run = SampleRun();
        var after = run.Workspaces[0].After!;
        run = WithAfter(run, 0, after with { Rules = [.. after.Rules, new RuleView("quote", "FQDN", "a\"b|c", Status: "Active")] });
        string output = MarkdownReport.Render(run);
        Assert.Contains("quote<br/>a#quot;b|c", output, StringComparison.Ordinal);
        Assert.DoesNotContain("a\"b", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_posture_findings_of_a_workspace_on_a_customer_vnet()
    {
        var run = SampleRun();
        run = run with
        {
            Workspaces =
            [
                run.Workspaces[0] with
                {
                    Posture = new PostureView
                    {
                        Source = "the audit",
                        Findings = [new PostureFindingView("medium", "compute-public-ip", "computes/ci-data", "ci-data has a public IP", "recreate it without one", "No public IP", "002_seed.md")],
                        ComputesToRecreate = ["ci-data (ComputeInstance)"],
                    },
                },
                .. run.Workspaces.Skip(1),
            ],
        };
        string output = MarkdownReport.Render(run);
        Assert.Contains("#### Posture audit (1 finding)", output, StringComparison.Ordinal);
        Assert.Contains("| medium | computes/ci-data | ci-data has a public IP | recreate it without one | 002_seed.md: \"No public IP\" |", output, StringComparison.Ordinal);
        Assert.Contains("- recreate compute ci-data (ComputeInstance)", output, StringComparison.Ordinal);
        Assert.Contains("<h4>Posture audit (1 finding)</h4>", HtmlReport.Render(run), StringComparison.Ordinal);
    }
}
