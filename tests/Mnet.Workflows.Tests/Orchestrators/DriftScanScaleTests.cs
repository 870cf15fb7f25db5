using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>
/// Fixes 3 and 5: remediation starts independent onboardings and never waits for them (an approval they wait for never
/// blocks the next scan), and the drift report travels by reference, so history stays small at any scale.
/// </summary>
public sealed class DriftScanScaleTests
{
    static readonly string[] Subs = [.. Enumerable.Range(0, ScaleScenario.Subscriptions).Select(ScaleScenario.SubscriptionId)];

    static DriftScanInput Input(WorkflowRig rig, Core.Policy.Policy policy) => new()
    {
        Policy = policy, Subscriptions = Subs, Request = new RequestMetadata(TriggerSource.Timer), Timings = rig.Timings,
    };

    [Fact]
    public async Task A_scan_never_waits_for_the_onboardings_it_starts_and_the_next_scan_is_not_blocked_by_their_approvals()
    {
        await using var rig = await WorkflowRig.StartAsync(new() { Scenario = "scale:200" });
        // Every remediation needs approval (72 hours of it): the onboardings wait, the scans must not.
        var policy = TestPolicies.ApprovedOutbound(Subs, new JsonObject
        {
            // The scale scenario's approved workspaces have these rules: the drifted ones need a mode change.
            ["managed_network"] = new JsonObject
            {
                ["isolation_mode"] = "allow_only_approved_outbound",
                ["outbound_rules"] = new JsonArray(
                    new JsonObject { ["name"] = "pkg-pypi-org", ["type"] = "fqdn", ["destination"] = "pypi.org" },
                    new JsonObject { ["name"] = "pkg-any-pythonhosted-org", ["type"] = "fqdn", ["destination"] = "*.pythonhosted.org" }),
            },
            ["compute_migration"] = new JsonObject { ["mode"] = "require_approval", ["approval_timeout_hours"] = 72 },
            ["drift"] = new JsonObject { ["mode"] = "remediate", ["max_workspaces_per_run"] = 3 },
        });
        string scanId = WorkflowInstanceIds.DriftScan(policy.Name);

        var first = WorkflowRig.OutputOf<DriftScanOutput>(await rig.WaitAsync(await rig.StartAsync(WorkflowNames.DriftScan, Input(rig, policy), scanId), TimeSpan.FromSeconds(30)));
        Assert.Equal(3, first.Remediation.Count(r => r.Status == RemediationStatus.Started));
        foreach (var r in first.Remediation) await rig.WaitForApprovalAsync(r.InstanceId);

        // The singleton scan runs again while the onboardings still wait: it completes, and starts no second onboarding.
        var second = WorkflowRig.OutputOf<DriftScanOutput>(await rig.WaitAsync(await rig.StartAsync(WorkflowNames.DriftScan, Input(rig, policy), scanId), TimeSpan.FromSeconds(30)));
        Assert.Equal(first.Remediation.Select(r => r.WorkspaceId), second.Remediation.Select(r => r.WorkspaceId));
        Assert.All(second.Remediation, r => Assert.Equal(RemediationStatus.AlreadyRunning, r.Status));
        int onboardings = 0;
        await foreach (var i in rig.Client.GetAllInstancesAsync(new OrchestrationQuery()))
        {
            if (i.Name == WorkflowNames.OnboardWorkspace)
            {
                onboardings++;
                Assert.Equal(OrchestrationRuntimeStatus.Running, i.RuntimeStatus);
            }
        }

        Assert.Equal(3, onboardings);
    }

    [Fact]
    public async Task At_10000_workspaces_a_scan_history_stays_under_1_MB()
    {
        var counting = new CountingDataConverter(WorkflowJson.Converter);
        await using var rig = await WorkflowRig.StartAsync(new()
        {
            Scenario = "scale:10000",
            Emulator = e => e with { PageSize = 1000 },
            Services = s =>
            {
                s.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = counting);
                s.Configure<DurableTaskClientOptions>(o => o.DataConverter = counting);
            },
        });
        var policy = TestPolicies.ApprovedOutbound(Subs, new JsonObject { ["drift"] = new JsonObject { ["mode"] = "report" } });

        string id = await rig.StartAsync(WorkflowNames.DriftScan, Input(rig, policy), WorkflowInstanceIds.DriftScan(policy.Name));
        Microsoft.DurableTask.Client.OrchestrationMetadata? state = null;
        try
        {
            state = await rig.WaitAsync(id, TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            // Reported below with the history size reached so far.
        }

        Assert.True(counting.DistinctBytes < 1024 * 1024, $"{counting.DistinctBytes} bytes of payload in history (largest {counting.LargestBytes})");
        Assert.NotNull(state);
        var output = WorkflowRig.OutputOf<DriftScanOutput>(state);
        Assert.Equal(10_000, output.Scanned);
        Assert.True(output.Drifted > 1000, $"{output.Drifted} drifted");
        Assert.True(counting.DistinctBytes < 1024 * 1024, $"{counting.DistinctBytes} bytes of payload in history");
        Assert.True(counting.LargestBytes <= DurableLimits.MaxInlineMessageBytes, $"largest payload {counting.LargestBytes} bytes");
    }
}
