using Mnet.Cli.Report;
using static Mnet.Cli.Tests.Report.ReportFixture;

namespace Mnet.Cli.Tests.Report;

/// <summary>Port of tests/report/render.test.ts "summary facts", plus the badges that must be true.</summary>
public sealed class ReportSummaryTests
{
    [Fact]
    public void The_headline_reports_the_final_scan_and_drift_when_there_is_some()
    {
        var run = SampleRun();
        Assert.Matches("all 2 in-scope workspaces compliant", ReportSummary.Headline(run));
        Assert.Matches("1 drifted", ReportSummary.Headline(run with { FinalScan = run.FinalScan! with { Drifted = 1 } }));
        Assert.Matches("No final scan", ReportSummary.Headline(run with { FinalScan = null }));
    }

    [Fact]
    public void Before_after_rows_mark_what_changed_and_a_created_workspace_as_not_existing_before()
    {
        var run = SampleRun();
        var rows = ReportSummary.Comparison(run.Workspaces[0]);
        Assert.Equal(new ComparisonRow("Isolation mode", "Disabled", "AllowOnlyApprovedOutbound", true), rows.Single(r => r.Label == "Isolation mode"));
        Assert.False(rows.Single(r => r.Label == "Computes").Changed);
        Assert.Equal("1 of 2 Active", rows.Single(r => r.Label == "Private endpoints").After);
        Assert.All(ReportSummary.Comparison(run.Workspaces[1]), r => Assert.Equal("(did not exist)", r.Before));
    }

    [Theory]
    [InlineData("Completed", "applied", "succeeded")]
    [InlineData("Completed", "refused", "refused")]
    [InlineData("Completed", "rejected", "rejected")]
    [InlineData("Failed", null, "failed")]
    public void A_refused_run_is_not_a_success(string runtime, string? result, string badge)
    {
        var o = new OrchestrationView { Name = "onboardWorkspace", InstanceId = "i", RuntimeStatus = runtime, Result = result, StartedAt = T("2025-01-01T00:00:00Z"), FinishedAt = T("2025-01-01T00:00:00Z") };
        Assert.Equal(badge, ReportSummary.OrchestrationBadge(o));
    }

    [Fact]
    public void The_headline_counts_workspaces_not_scanned_apart_from_skipped_ones()
    {
        var run = SampleRun();
        run = run with { Workspaces = [.. run.Workspaces, run.Workspaces[2] with { Name = "ws-elsewhere", VerdictAfter = WorkspaceVerdicts.NotScanned }] };
        Assert.Equal("Final scan: all 2 in-scope workspaces compliant (1 skipped as out of scope, 1 not scanned).", ReportSummary.Headline(run));
        Assert.Equal(run.FinalScan!.Skipped, run.Workspaces.Count(w => w.VerdictAfter == WorkspaceVerdicts.Skipped));
    }
}
