using System.Text.Json.Nodes;
using Mnet.Core.Drift;
using Mnet.Core.Posture;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Stores.Reports;
using Mnet.Workflows.Tests.Migration;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>The drift report's posture section: in-scope workspaces without a managed network, from Resource Graph alone.</summary>
public sealed class DriftScanPostureTests
{
    static Core.Policy.Policy Policy(params string[] resourceGroups) =>
        TestPolicies.ApprovedOutbound([DemoScenario.Subscription1], new JsonObject
        {
            ["scope"] = new JsonObject
            {
                ["subscriptions"] = TestPolicies.Array([DemoScenario.Subscription1]),
                ["resource_groups"] = TestPolicies.Array(resourceGroups),
            },
            ["drift"] = new JsonObject { ["mode"] = "report" },
        });

    static async Task<DriftReport> ScanAsync(WorkflowRig rig, Core.Policy.Policy policy)
    {
        var output = await rig.RunAsync<DriftScanInput, DriftScanOutput>(WorkflowNames.DriftScan, new DriftScanInput
        {
            Policy = policy, Subscriptions = DemoRig.Subscriptions, Request = new RequestMetadata(TriggerSource.Timer), Timings = rig.Timings,
        }, WorkflowInstanceIds.DriftScan(policy.Name));
        return (await new DriftReportStore(rig.Store).GetAsync(output.ReportKey))!.Report;
    }

    [Fact]
    public async Task The_custom_vnet_workspace_gets_its_counts_and_readiness_summary_and_managed_ones_none()
    {
        await using var rig = await DemoRig.StartAsync();

        var report = await ScanAsync(rig, Policy("rg-ml-vnet", "rg-ml-prod"));

        var posture = Assert.IsType<DriftPosture>(report.Posture);
        Assert.Null(posture.Unavailable);
        Assert.False(posture.ComputesKnown);
        var vnet = Assert.Single(posture.Workspaces, w => w.Name == "ws-custom-vnet");
        Assert.Equal(DemoWorkspaces.CustomVnet, vnet.WorkspaceId);
        // compute-public-ip needs the computes, which a scan does not read: only the workspace-level finding is left.
        Assert.Equal((0, 1, 0, 0), (vnet.High, vnet.Medium, vnet.Low, vnet.Info));
        Assert.Equal([PostureCodes.ImageBuildComputeMissing], vnet.Codes);
        Assert.Equal((6, 1, 0), (vnet.PrivateEndpoints, vnet.OutboundRules, vnet.NotSupported));
        Assert.Contains("computes not read", vnet.Readiness, StringComparison.Ordinal);

        var legacy = Assert.Single(posture.Workspaces, w => w.Name == "ws-legacy");
        Assert.True(legacy.High > 0);
        Assert.Contains(PostureCodes.WorkspacePrivateEndpointMissing, legacy.Codes);
        Assert.DoesNotContain(posture.Workspaces, w => w.Name is "ws-approved" or "ws-internet" or "ws-missing-approver");
        // The posture section changes no verdict: every workspace without a managed network has drifted.
        Assert.All(posture.Workspaces, w => Assert.Contains(report.Drifted, d => d.WorkspaceId == w.WorkspaceId));
    }

    [Fact]
    public async Task A_workspace_outside_the_policy_scope_is_not_in_the_section()
    {
        await using var rig = await DemoRig.StartAsync();

        var report = await ScanAsync(rig, Policy("rg-ml-prod"));

        Assert.Contains(report.Posture!.Workspaces, w => w.Name == "ws-legacy");
        Assert.DoesNotContain(report.Posture.Workspaces, w => w.Name == "ws-custom-vnet");
    }

    [Fact]
    public async Task When_the_posture_reads_fail_the_section_says_so_and_the_report_is_still_saved()
    {
        WorkflowRig? current = null;
        int queries = 0;
        await using var rig = await DemoRig.StartAsync(new WorkflowRigOptions
        {
            // The scan's own query passes; every Resource Graph query after it is refused (403: not retried).
            Services = s => ArmInterceptor.Install(s, method =>
            {
                if (method == nameof(Arm.IArmClient.QueryResourceGraphAsync) && ++queries == 2)
                {
                    current!.Emulator.Faults.Add(new FaultSpec(new StatusFault(403, "AuthorizationFailed", "no read on networks"), Path: "Microsoft.ResourceGraph"));
                }

                return Task.CompletedTask;
            }),
        });
        current = rig;

        var report = await ScanAsync(rig, Policy("rg-ml-vnet", "rg-ml-prod"));

        Assert.Contains("AuthorizationFailed", report.Posture!.Unavailable, StringComparison.Ordinal);
        Assert.Empty(report.Posture.Workspaces);
        Assert.Contains(report.Drifted, d => d.WorkspaceId == DemoWorkspaces.CustomVnet);
    }
}
