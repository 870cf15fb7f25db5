using System.Text.RegularExpressions;
using Mnet.Cli.Report;
using Mnet.Emulator.Scenarios;

namespace Mnet.Cli.Tests.Demo;

/// <summary>
/// Port of tests/demo/demo.test.ts: the demo end to end in process, then its report checked against the emulator's
/// final state read independently (a fresh ARM client, the emulator's request records); plus the custom-VNet
/// workspace, the report's honesty (badges, counts, no port numbers, real UTC) and the files.
/// </summary>
[Collection(DemoRunCollection.Name)]
public sealed class DemoRunTests(DemoRunFixture fixture)
{
    WorkspaceReport Ws(string name) =>
        fixture.Result.Report.Workspaces.SingleOrDefault(w => w.Name == name) ?? throw new Xunit.Sdk.XunitException($"report has no {name}");

    [Fact]
    public void Ends_with_a_final_scan_that_finds_no_drift_after_a_first_one_that_found_some()
    {
        var r = fixture.Result;
        Assert.NotEmpty(r.FirstScan.Drifted);
        Assert.True(r.FinalScan.Drifted.Count == 0, string.Join("; ", r.FinalScan.Drifted.Select(d => $"{d.Name}: {string.Join(", ", d.Reasons)}")));
        Assert.Empty(r.FinalScan.Refused);
        Assert.True(r.Clean);
        Assert.Equal(0, r.Report.FinalScan!.Drifted);
        Assert.Equal(r.Report.FinalScan.InScope, r.Report.FinalScan.Compliant);
        Assert.All(r.Report.Phases, p => Assert.Equal("ok", p.Status));
    }

    [Fact]
    public async Task Reports_every_workspace_mode_rules_and_computes_exactly_as_the_emulator_holds_them_at_the_end()
    {
        var actual = new List<Core.Resources.Workspace>();
        foreach (string sub in new[] { DemoScenario.Subscription1, DemoScenario.Subscription2 }) actual.AddRange(await fixture.Arm.ListWorkspacesAsync(sub));
        Assert.Equal(actual.Select(w => w.Id.ToLowerInvariant()).Order(), fixture.Result.Report.Workspaces.Select(w => w.WorkspaceId.ToLowerInvariant()).Order());
        foreach (var live in actual)
        {
            var reported = Ws(live.Name).After ?? throw new Xunit.Sdk.XunitException($"{live.Name} has no after view");
            Assert.Equal((live.Properties.ManagedNetwork?.IsolationMode ?? Core.Resources.IsolationMode.Disabled).ToString(), reported.IsolationMode);
            Assert.Equal(live.Properties.PublicNetworkAccess, reported.PublicNetworkAccess);
            Assert.Equal(live.Properties.ManagedNetwork?.Status?.Status, reported.NetworkStatus);
            var rules = (await fixture.Arm.ListOutboundRulesAsync(live.Id)).Select(r => $"{r.Name}={r.Properties.Type}/{r.Properties.Status}").Order(StringComparer.Ordinal);
            Assert.Equal(rules, reported.Rules.Select(r => $"{r.Name}={r.Type}/{r.Status}").Order(StringComparer.Ordinal));
            var computes = (await fixture.Arm.ListComputesAsync(live.Id)).Select(c => c.Name).Order(StringComparer.Ordinal);
            Assert.Equal(computes, reported.Computes.Select(c => c.Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Migrated_ws_legacy_computes_and_online_endpoint_deleted_network_changed_recreated_from_snapshots()
    {
        var legacy = Ws("ws-legacy");
        Assert.Equal("Disabled", legacy.Before!.IsolationMode);
        Assert.Equal("AllowOnlyApprovedOutbound", legacy.After!.IsolationMode);
        var beforeComputes = legacy.Before.Computes.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        Assert.True(beforeComputes.Count >= 3);
        Assert.Equal(beforeComputes, (await fixture.Arm.ListComputesAsync(legacy.WorkspaceId)).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal(legacy.Before.OnlineEndpoints, (await fixture.Arm.ListOnlineEndpointsAsync(legacy.WorkspaceId)).Select(e => e.Name));
        var requests = fixture.Environment.Emulator.Requests.List();
        foreach (string name in beforeComputes)
        {
            string path = $"{legacy.WorkspaceId}/computes/{name}";
            Assert.Contains(requests, r => r.Method == "DELETE" && string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));
            Assert.Contains(requests, r => r.Method == "PUT" && string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase));
        }

        var steps = legacy.Steps.Select(s => $"{s.StepId}:{s.Status}").ToList();
        foreach (string phase in new[] { "snapshot", "delete", "recreate", "verify" })
        {
            Assert.Contains(steps, s => s.StartsWith($"migrate-computes:{phase}", StringComparison.Ordinal) && s.EndsWith(":succeeded", StringComparison.Ordinal));
        }

        Assert.Contains(legacy.Steps, s => s.Kind == "approval" && s.Status == "succeeded");
        var provision = legacy.Steps.Single(s => s.Kind == "provision-network");
        Assert.True(provision.Duration >= TimeSpan.FromMinutes(30), $"provisioning took {provision.Duration} emulated");
    }

    [Fact]
    public void Onboarded_the_workspace_created_during_the_run_from_its_Event_Grid_event()
    {
        var created = Ws("ws-fraud-detection");
        Assert.Equal(WorkspaceVerdicts.Absent, created.VerdictBefore);
        Assert.Null(created.Before);
        Assert.Equal(WorkspaceVerdicts.Compliant, created.VerdictAfter);
        Assert.Contains(created.Orchestrations, o => o.Name == "onboardWorkspace" && o.Trigger == "eventgrid" && o.Result == "applied");
        // The event reached the service's webhook: the emulator's PUT, then an onboarding nobody asked for over /requests.
        Assert.Contains(fixture.Environment.Emulator.Requests.List(), r => r.Method == "PUT" && r.Path.EndsWith("/workspaces/ws-fraud-detection", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Reports_the_locked_workspace_as_skipped_with_its_lock_refused_up_front_and_unchanged()
    {
        var locked = Ws("ws-locked");
        Assert.Equal(WorkspaceVerdicts.Skipped, locked.VerdictAfter);
        Assert.Contains("skipped: scope lock", locked.Note, StringComparison.Ordinal);
        Assert.Contains("CanNotDelete lock \"do-not-delete\"", locked.Note, StringComparison.Ordinal);
        Assert.Contains("read back through ARM, nothing changed", locked.Note, StringComparison.Ordinal);
        Assert.Matches("refused up front: POST /api/v1/plan -> 403", locked.Note);
        Assert.DoesNotContain(locked.Steps, s => s.Status is "succeeded" or "failed");
        var writes = fixture.Environment.Emulator.Requests.List()
            .Where(r => r.Method != "GET" && r.Path.Contains("/resourcegroups/rg-ml-locked/", StringComparison.OrdinalIgnoreCase))
            .Select(r => $"{r.Method} {r.Path}");
        Assert.Empty(writes);
        Assert.Equal(locked.Before!.Computes.Select(c => c.Name), locked.After!.Computes.Select(c => c.Name));
        var live = await fixture.Arm.GetWorkspaceAsync(locked.WorkspaceId);
        Assert.Equal(Core.Resources.IsolationMode.Disabled, live.Properties.ManagedNetwork?.IsolationMode ?? Core.Resources.IsolationMode.Disabled);
    }

    [Fact]
    public void Wrote_demo_md_and_demo_html_with_a_section_and_a_diagram_per_managed_network_and_emulated_step_times()
    {
        string md = File.ReadAllText(fixture.Result.MarkdownPath);
        string html = File.ReadAllText(fixture.Result.HtmlPath);
        Assert.Equal(Path.Combine(fixture.OutDir, "demo.md"), fixture.Result.MarkdownPath);
        Assert.Matches("Final scan: all \\d+ in-scope workspaces compliant", md);
        foreach (var w in fixture.Result.Report.Workspaces)
        {
            Assert.Matches(new Regex($"^### {Regex.Escape(w.Name)}$", RegexOptions.Multiline), md);
            Assert.Matches(new Regex($"\\| Isolation mode \\| {Regex.Escape(w.Before?.IsolationMode ?? "(did not exist)")} \\| (\\*\\*)?{w.After!.IsolationMode}(\\*\\*)? \\|"), md);
            Assert.Equal(w.After.IsManaged, html.Contains($"aria-label=\"Managed network of {w.Name} (after)", StringComparison.Ordinal));
        }

        int managedAfter = fixture.Result.Report.Workspaces.Count(w => w.After!.IsManaged);
        int managedBefore = fixture.Result.Report.Workspaces.Count(w => w.Before?.IsManaged == true);
        Assert.Equal(managedAfter + managedBefore, Regex.Matches(md, "^```mermaid$", RegexOptions.Multiline).Count);
        Assert.Matches(new Regex("\\| onboardWorkspace \\| provision-network \\| succeeded \\| [^|]+ \\| ([3-9]\\dm|\\dh)"), md);
    }

    [Fact]
    public void Ran_in_a_few_real_seconds_covering_hours_of_emulated_time()
    {
        Assert.True(fixture.Result.Report.Real < TimeSpan.FromSeconds(50), $"real time {fixture.Result.Report.Real}");
        Assert.True(fixture.Result.Report.Emulated > TimeSpan.FromHours(1), "more than an hour of emulated time");
    }

    [Fact]
    public void Audited_the_custom_vnet_workspace_then_moved_it_to_the_managed_network()
    {
        var vnet = Ws("ws-custom-vnet");
        Assert.Equal("Disabled", vnet.Before!.IsolationMode);
        Assert.Equal("AllowOnlyApprovedOutbound", vnet.After!.IsolationMode);
        Assert.Equal(WorkspaceVerdicts.Compliant, vnet.VerdictAfter);
        var posture = vnet.Posture ?? throw new Xunit.Sdk.XunitException("no posture audit recorded");
        Assert.Equal(2, posture.Findings.Count);
        Assert.Contains(posture.Findings, f => f.Problem.Contains("ci-data", StringComparison.Ordinal));
        Assert.Contains(posture.Findings, f => f.Problem.Contains("imageBuildCompute", StringComparison.Ordinal));
        Assert.Contains(posture.ComputesToRecreate, c => c.StartsWith("ci-data", StringComparison.Ordinal));
        Assert.Contains(vnet.Steps, s => s.StepId.StartsWith("migrate-computes:recreate", StringComparison.Ordinal) && s.Status == "succeeded");
        string md = File.ReadAllText(fixture.Result.MarkdownPath);
        Assert.Contains("#### Posture audit (2 findings)", md, StringComparison.Ordinal);
        var phases = fixture.Result.Report.Phases.Select(p => p.Id).ToList();
        Assert.True(phases.IndexOf("audit") is >= 0 and var audit && audit < phases.IndexOf("remediate-ws-custom-vnet"), string.Join(", ", phases));
    }

    [Fact]
    public void The_report_is_honest_no_port_numbers_real_utc_times_skipped_counts_agree_and_refusals_are_not_successes()
    {
        var report = fixture.Result.Report;
        foreach (string file in new[] { fixture.Result.HtmlPath, fixture.Result.MarkdownPath })
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotContain($":{fixture.Environment.Emulator.Port}", text, StringComparison.Ordinal);
            Assert.DoesNotContain($":{fixture.Environment.Server.Address.Port}", text, StringComparison.Ordinal);
            Assert.DoesNotMatch("127\\.0\\.0\\.1:\\d+|localhost:\\d+", text);
            Assert.Contains($"Run from {ReportFormat.Time(report.StartedAt)}", text, StringComparison.Ordinal);
        }

        Assert.True(DateTimeOffset.UtcNow - report.StartedAt < TimeSpan.FromMinutes(10), $"start {report.StartedAt:o} is the real time of the run");
        Assert.Equal(report.FinalScan!.Skipped, report.Workspaces.Count(w => w.VerdictAfter == WorkspaceVerdicts.Skipped));
        Assert.Equal(report.FirstScan!.Skipped, report.Workspaces.Count(w => w.VerdictBefore == WorkspaceVerdicts.Skipped));
        Assert.Equal(report.FinalScan.Compliant, report.Workspaces.Count(w => w.VerdictAfter == WorkspaceVerdicts.Compliant));
        foreach (var o in report.Workspaces.SelectMany(w => w.Orchestrations))
        {
            Assert.True(o.Result is not ("refused" or "rejected" or "failed") || ReportSummary.OrchestrationBadge(o) != "succeeded", $"{o.InstanceId} {o.Result}");
        }

        var research = Ws("ws-research");
        Assert.Equal(WorkspaceVerdicts.NotScanned, research.VerdictAfter);
        Assert.Contains("Microsoft.Network is NotRegistered", research.Note, StringComparison.Ordinal);
    }
}
