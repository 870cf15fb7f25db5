using System.Text.RegularExpressions;
using Mnet.Cli.Report;
using static Mnet.Cli.Tests.Report.ReportFixture;

namespace Mnet.Cli.Tests.Report;

/// <summary>Port of tests/report/render.test.ts "renderHtml".</summary>
public sealed class HtmlReportTests
{
    static readonly string Html = HtmlReport.Render(SampleRun());

    [Fact]
    public void Is_one_self_contained_page_inline_style_no_script_no_external_resource_no_endpoint()
    {
        Assert.StartsWith("<!doctype html>\n<html lang=\"en\">", Html, StringComparison.Ordinal);
        Assert.Matches("<style>[\\s\\S]+</style>", Html);
        Assert.DoesNotMatch(new Regex("<script|<link |src=\"", RegexOptions.IgnoreCase), Html);
        var urls = Regex.Matches(Html, "https?://[^\\s\"'<)]+").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["http://www.w3.org/2000/svg"], urls);
        Assert.EndsWith("</html>\n", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_an_inline_SVG_per_managed_network_with_unique_marker_ids()
    {
        var svgs = Regex.Matches(Html, "<svg [\\s\\S]*?</svg>").Select(m => m.Value).ToList();
        Assert.Equal(SampleRun().Workspaces.Count(w => (w.After ?? w.Before)?.IsManaged == true), svgs.Count);
        var ids = Regex.Matches(Html, "<marker id=\"[^\"]+\"").Select(m => m.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        string prod = svgs[0];
        Assert.Contains("aria-label=\"Managed network of ws-prod (after): Approved outbound only, 4 outbound rules\"", prod, StringComparison.Ordinal);
        foreach (string text in new[] { "Private endpoints (2)", "FQDN rules (1)", "Service tags (1)", "\u2192 stdata/blob", "\u2192 stdata/dfs", "pypi.org", ">Active<", ">Inactive<", "network: Active", "firewall: Standard" })
        {
            Assert.True(prod.Contains(text, StringComparison.Ordinal), $"diagram shows {text}");
        }
    }

    [Fact]
    public void Shows_steps_durations_warnings_and_escapes_text()
    {
        Assert.Contains("<td>provision-network</td><td><span class=\"pill good\">succeeded</span></td><td>2025-01-01 00:05:00 UTC</td><td>40m</td>", Html, StringComparison.Ordinal);
        Assert.Contains("<li>firewall-cost: a Standard firewall is billed per hour</li>", Html, StringComparison.Ordinal);
        Assert.Contains("skipped: scope lock &lt;ReadOnly&gt;", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ReadOnly>", Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_so_when_drift_remains()
    {
        var run = SampleRun();
        Assert.Contains("<div class=\"headline bad\">Final scan: 2 drifted", HtmlReport.Render(run with { FinalScan = run.FinalScan! with { Drifted = 2 } }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_before_diagram_is_folded_in_only_when_the_workspace_had_a_managed_network_before()
    {
        var run = SampleRun();
        run = run with { Workspaces = [run.Workspaces[0] with { Before = run.Workspaces[0].After! with { IsolationMode = "AllowInternetOutbound" } }] };
        string html = HtmlReport.Render(run);
        Assert.Single(Regex.Matches(html, "data-diagram=\"after\""));
        Assert.Single(Regex.Matches(html, "data-diagram=\"before\""));
        Assert.Contains("<summary>Network before: Internet outbound</summary>", html, StringComparison.Ordinal);
    }
}
