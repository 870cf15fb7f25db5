using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Samples;

/// <summary>Runs <see cref="SampleFlow"/> to the end on an engine and checks every step's effect.</summary>
internal static class SampleScenario
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts the flow and waits until it waits for approval (first activity and timer done).</summary>
    public static async Task StartUntilWaitingAsync(LocalEngine engine, string instanceId)
    {
        await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(SampleFlow), new SampleInput("ada", FlakyFailures: 2), new StartOrchestrationOptions(instanceId));
        OrchestrationMetadata waiting = await EngineWaits.ForCustomStatusAsync(
            engine.Client, instanceId, SampleFlow.WaitingForApproval, Timeout);
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);
    }

    /// <summary>Approves, waits for the end, and checks the output, the timer and the child instance.</summary>
    public static async Task ApproveAndCheckAsync(LocalEngine engine, string instanceId)
    {
        await engine.Client.RaiseEventAsync(instanceId, SampleFlow.ApprovalEvent, "yes");
        OrchestrationMetadata done = await EngineWaits.ForCompletionAsync(engine.Client, instanceId, Timeout);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        SampleOutput? result = done.ReadOutputAs<SampleOutput>();
        Assert.NotNull(result);
        Assert.Equal(
            new SampleOutput(
                Greeting: $"{SampleEngine.Salutation} ada",
                Approval: "yes",
                Child: $"{SampleEngine.Salutation} ada (child of {instanceId})",
                FlakyAttempts: 3,
                TimerWaited: result.TimerWaited),
            result);
        // Azure Storage fires timers through queue messages hidden for whole seconds (the fraction is dropped), so a
        // timer may fire up to a second early there; the in-memory store is exact.
        TimeSpan earliest = engine.Backend == LocalEngineBackend.AzureStorage
            ? SampleFlow.TimerDelay - TimeSpan.FromSeconds(1)
            : SampleFlow.TimerDelay;
        Assert.True(result.TimerWaited >= earliest, $"the durable timer let the flow go after {result.TimerWaited}");
        Assert.Equal(SampleFlow.Approved, done.ReadCustomStatusAs<string>());

        OrchestrationMetadata? child = await engine.Client.GetInstanceAsync(SampleFlow.ChildId(instanceId));
        Assert.NotNull(child);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
        Assert.Equal(nameof(ChildFlow), child.Name);
    }

    public static async Task RunAsync(LocalEngine engine, string instanceId)
    {
        await StartUntilWaitingAsync(engine, instanceId);
        await ApproveAndCheckAsync(engine, instanceId);
    }
}
