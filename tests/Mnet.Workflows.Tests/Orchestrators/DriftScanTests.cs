using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Mnet.Emulator.Recording;
using Mnet.Emulator.Scenarios;
using Mnet.Emulator.Ml;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Reports;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>Port of tests/durable/orchestrations/drift-scan.test.ts (remediation now starts independent onboardings: fix 3).</summary>
public sealed class DriftScanTests
{
    static readonly string[] Subs = [.. Enumerable.Range(0, ScaleScenario.Subscriptions).Select(ScaleScenario.SubscriptionId)];

    static Core.Policy.Policy Policy(JsonObject drift, IEnumerable<string>? subscriptions = null) =>
        TestPolicies.ApprovedOutbound(subscriptions ?? Subs, new JsonObject
        {
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_only_approved_outbound",
                ["outbound_rules"] = new JsonArray(
                    new JsonObject { ["name"] = "pkg-pypi-org", ["type"] = "fqdn", ["destination"] = "pypi.org" },
                    new JsonObject { ["name"] = "pkg-any-pythonhosted-org", ["type"] = "fqdn", ["destination"] = "*.pythonhosted.org" }),
            },
            ["compute_migration"] = new JsonObject { ["mode"] = "require_approval", ["approval_timeout_hours"] = 1 },
            ["drift"] = drift,
        });

    static DriftScanInput Input(WorkflowRig rig, Core.Policy.Policy policy, bool dryRun = false) => new()
    {
        Policy = policy, Subscriptions = Subs, DryRun = dryRun, Request = new RequestMetadata(TriggerSource.Timer), Timings = rig.Timings,
    };

    static bool IsGraph(RecordedRequest r) =>
        r.Method == "POST" && r.Path.EndsWith("Microsoft.ResourceGraph/resources", StringComparison.OrdinalIgnoreCase);

    /// <summary>The scan's own query (every workspace), as opposed to the posture section's.</summary>
    static bool IsWorkspaceQuery(RecordedRequest r) =>
        IsGraph(r) && (r.Body?["query"]?.GetValue<string>() ?? "").Contains("microsoft.machinelearningservices/workspaces", StringComparison.OrdinalIgnoreCase);

    static Task<DriftScanOutput> ScanAsync(WorkflowRig rig, DriftScanInput input, string? instanceId = null) =>
        rig.RunAsync<DriftScanInput, DriftScanOutput>(WorkflowNames.DriftScan, input, instanceId ?? WorkflowInstanceIds.DriftScan(input.Policy.Name));

    static async Task<List<OrchestrationMetadata>> OnboardingsAsync(WorkflowRig rig)
    {
        var output = new List<OrchestrationMetadata>();
        await foreach (var i in rig.Client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
        {
            if (i.Name == WorkflowNames.OnboardWorkspace) output.Add(i);
        }

        return output;
    }

    [Fact]
    public async Task Drift_over_200_workspaces_is_one_Resource_Graph_query_no_per_workspace_GET_and_a_saved_retrievable_report()
    {
        await using var rig = await WorkflowRig.StartAsync(new() { Scenario = "scale:200" });
        var policy = Policy(new JsonObject { ["mode"] = "report" });

        var output = await ScanAsync(rig, Input(rig, policy));

        Assert.Equal(200, output.Scanned);
        Assert.Equal(200, output.InScope);
        Assert.Equal(200, output.Compliant + output.Drifted + output.Refused);
        Assert.True(output.Compliant > 0 && output.Drifted > 0, $"{output.Compliant} compliant, {output.Drifted} drifted");
        Assert.Empty(output.Remediation);
        var requests = rig.RequestsSince();
        int graph = requests.Count(IsGraph);
        int scan = requests.Count(IsWorkspaceQuery);
        Assert.InRange(scan, 1, 3);
        // The posture section of the workspaces without a managed network: three more queries (dependencies by type,
        // VNets, private endpoints; paged), whatever the number of workspaces, and no GET.
        Assert.InRange(graph - scan, 3, 6);
        Assert.Equal(graph, requests.Count);

        var latest = await new DriftReportStore(rig.Store).LatestAsync();
        Assert.Equal(output.ReportKey, latest?.Id);
        Assert.Equal(200, latest!.Report.Scanned);
        Assert.Equal(output.Drifted, latest.Report.Drifted.Count);
        // The evaluation matches the emulator: every workspace without a managed network has drifted.
        var disabled = rig.Emulator.State.ListWorkspaces()
            .Where(w => w["properties"]?["managedNetwork"]?["isolationMode"]?.GetValue<string>() is null or "Disabled")
            .Select(w => w["id"]!.GetValue<string>().ToLowerInvariant()).ToList();
        var drifted = latest.Report.Drifted.Select(d => d.WorkspaceId.ToLowerInvariant()).ToHashSet();
        Assert.NotEmpty(disabled);
        Assert.All(disabled, d => Assert.Contains(d, drifted));
    }

    [Fact]
    public async Task Remediate_starts_one_onboarding_per_drifted_workspace_capped_under_its_instance_id_and_never_reads_compliant_ones()
    {
        await using var rig = await WorkflowRig.StartAsync(new() { Scenario = "scale:200" });
        var policy = Policy(new JsonObject { ["mode"] = "remediate", ["max_workspaces_per_run"] = 3 });

        var output = await ScanAsync(rig, Input(rig, policy));

        Assert.Equal(3, output.Remediation.Count);
        Assert.Equal(output.Drifted - 3, output.RemediationDeferred);
        Assert.All(output.Remediation, r =>
        {
            Assert.Equal(WorkflowInstanceIds.ForWorkspace(r.WorkspaceId), r.InstanceId);
            Assert.Equal(RemediationStatus.Started, r.Status);
        });
        Assert.Equal(output.Remediation.Select(r => r.InstanceId).Order(), (await OnboardingsAsync(rig)).Select(o => o.InstanceId).Order());

        // Each onboarding reads its workspace and plans; wait until they all got that far (approval, or done).
        foreach (var r in output.Remediation)
        {
            await rig.WaitForAsync(r.InstanceId, s => s.IsCompleted || WorkflowRig.StatusOf(s)?.Phase == OrchestrationPhase.WaitingForApproval, "planned");
        }

        var remediated = output.Remediation.Select(r => r.WorkspaceId.ToLowerInvariant()).ToList();
        // Besides the workspace itself, an onboarding reads its prerequisites: the resource group's locks and the
        // Microsoft.Network registration in its subscription.
        var prerequisiteReads = remediated.SelectMany(w => new[]
        {
            $"{w[..w.IndexOf("/providers/", StringComparison.Ordinal)]}/providers/microsoft.authorization/locks",
            $"{string.Join('/', w.Split('/').Take(3))}/providers/microsoft.network",
        }).ToList();
        var gets = rig.RequestsSince().Where(r => r.Method == "GET").ToList();
        Assert.NotEmpty(gets);
        Assert.All(gets, g =>
        {
            string path = g.Path.ToLowerInvariant();
            Assert.True(remediated.Any(path.StartsWith) || prerequisiteReads.Contains(path), $"unexpected GET {g.Path}");
        });
    }

    [Fact]
    public async Task Remediate_skips_a_workspace_whose_onboarding_is_already_running_and_says_so()
    {
        await using var rig = await WorkflowRig.StartAsync(new() { Scenario = "scale:200" });
        var policy = Policy(new JsonObject { ["mode"] = "remediate", ["max_workspaces_per_run"] = 2 });
        // Which workspaces drift first (the report orders them by id).
        var dry = await ScanAsync(rig, Input(rig, policy, dryRun: true), "dry-scan");
        // A dry run's report is kept under its own id, never as the latest.
        var reports = new DriftReportStore(rig.Store);
        Assert.Null(await reports.LatestAsync());
        string first = (await reports.GetAsync(dry.ReportKey))!.Report.Drifted[0].WorkspaceId;
        var running = await WorkflowStarter.StartOrGetAsync(rig.Client, WorkflowNames.OnboardWorkspace, WorkflowInstanceIds.ForWorkspace(first), new OnboardWorkspaceInput
        {
            WorkspaceId = first, Policy = policy, Request = new RequestMetadata(TriggerSource.EventGrid), Timings = rig.Timings,
        });
        await rig.WaitForApprovalAsync(running.InstanceId);

        var output = await ScanAsync(rig, Input(rig, policy));

        Assert.Equal(RemediationStatus.AlreadyRunning, output.Remediation.Single(r => r.WorkspaceId == first).Status);
        Assert.Contains(output.Remediation, r => r.WorkspaceId != first && r.Status == RemediationStatus.Started);
        Assert.Single(await OnboardingsAsync(rig), o => o.InstanceId == running.InstanceId);
    }

    [Fact]
    public async Task Dry_run_saves_the_report_and_remediates_nothing()
    {
        await using var rig = await WorkflowRig.StartAsync(new() { Scenario = "scale:200" });
        var policy = Policy(new JsonObject { ["mode"] = "remediate", ["max_workspaces_per_run"] = 5 });

        var output = await ScanAsync(rig, Input(rig, policy, dryRun: true));

        Assert.Empty(output.Remediation);
        Assert.True(output.Drifted > 0);
        Assert.DoesNotContain(rig.RequestsSince(), r => !IsGraph(r));
        Assert.NotNull(await new DriftReportStore(rig.Store).GetAsync(output.ReportKey));
    }

    [Fact]
    public async Task A_subscription_outside_the_policy_scope_is_not_queried()
    {
        await using var rig = await WorkflowRig.StartAsync(new() { Scenario = "scale:200" });
        var policy = TestPolicies.ApprovedOutbound([Subs[0], Subs[1]]);

        var output = await ScanAsync(rig, Input(rig, policy));

        Assert.Equal(8, output.Scanned);
        var body = rig.RequestsSince().First(IsGraph).Body!["subscriptions"]!.AsArray().Select(s => s!.GetValue<string>()).Order();
        Assert.Equal([Subs[0], Subs[1]], body);
    }
}
