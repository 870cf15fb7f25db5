using Microsoft.DurableTask.Client;
using Mnet.Service.Tests.Support;
using Mnet.Workflows.Durable;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Drift;

/// <summary>Port of tests/functions/drift-timer.test.ts (the timer's logic).</summary>
public sealed class DriftServiceTests : IDisposable
{
    readonly ServiceRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task The_timer_starts_driftScan_as_a_singleton_with_the_configured_subscriptions()
    {
        var result = await rig.App.Drift.StartScanAsync(rig.Durable);
        Assert.Equal(WorkflowInstanceIds.DriftScan("baseline"), result.InstanceId);
        Assert.True(result.Started);
        var (name, instanceId, _) = Assert.Single(rig.Durable.Starts);
        Assert.Equal("driftScan", name);
        Assert.Equal(WorkflowInstanceIds.DriftScan("baseline"), instanceId);
        var input = rig.Durable.InputOf(0);
        Assert.Equal([Sub, Sub2], input.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("baseline", input.GetProperty("policy").GetProperty("name").GetString());
        Assert.Equal("timer", input.GetProperty("request").GetProperty("trigger").GetString());
        Assert.True(rig.Logs.Has("drift.started", "instanceId", instanceId));
    }

    [Fact]
    public async Task The_timer_never_overlaps_a_pending_or_running_scan_and_starts_again_once_it_finished()
    {
        await rig.App.Drift.StartScanAsync(rig.Durable);
        string id = WorkflowInstanceIds.DriftScan("baseline");
        Assert.False((await rig.App.Drift.StartScanAsync(rig.Durable)).Started);
        Assert.True(rig.Logs.Has("drift.skipped", "runtimeStatus", "Pending"));
        rig.Durable.Set(id, OrchestrationRuntimeStatus.Running);
        Assert.False((await rig.App.Drift.StartScanAsync(rig.Durable, pastDue: true)).Started);
        Assert.Single(rig.Durable.Starts);
        rig.Durable.Set(id, OrchestrationRuntimeStatus.Completed);
        Assert.True((await rig.App.Drift.StartScanAsync(rig.Durable)).Started);
        rig.Durable.Set(id, OrchestrationRuntimeStatus.Failed);
        Assert.True((await rig.App.Drift.StartScanAsync(rig.Durable)).Started);
        Assert.Equal(3, rig.Durable.Starts.Count);
    }

    [Fact]
    public async Task A_pending_approval_of_an_onboarding_never_blocks_the_next_scan()
    {
        // An onboarding the last scan started waits for a person; the scan itself finished.
        rig.Planning.Add(FakePlanning.Workspace(WsId("ws-one")));
        string onboarding = (await rig.SubmitAsync(ServiceRig.SubmitBody())).Text("instanceId")!;
        rig.Durable.WaitForApproval(onboarding);
        var first = await rig.App.Drift.StartScanAsync(rig.Durable);
        rig.Durable.Set(first.InstanceId, OrchestrationRuntimeStatus.Completed);
        Assert.True((await rig.App.Drift.StartScanAsync(rig.Durable)).Started);
    }
}
