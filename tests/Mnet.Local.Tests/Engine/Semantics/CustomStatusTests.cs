using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Samples;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>Ported from TS tests/durable/local-host/custom-status.test.ts, on the real engine.</summary>
public sealed class CustomStatusTests
{
    [Fact]
    public async Task CustomStatus_IsVisibleWhileTheOrchestrationRuns_AndAfterItEnds()
    {
        await using LocalEngine engine = await InMemoryEngine.StartAsync(registry =>
            registry.AddOrchestratorFunc<string, string>("Phases", async (context, _) =>
            {
                context.SetCustomStatus(new PhaseStatus("planning"));
                await context.CallActivityAsync<string>(nameof(GreetActivity), "ops");
                context.SetCustomStatus(new PhaseStatus("waiting-for-approval", "T-1"));
                string decision = await context.WaitForExternalEvent<string>("approval");
                context.SetCustomStatus(new PhaseStatus("completed"));
                return decision;
            }));
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Phases");

        // The real engine runs "planning" through in one episode, so that status is not reliably observable.
        OrchestrationMetadata waiting = await EngineWaits.ForStateAsync(
            engine.Client,
            id,
            state => state.SerializedCustomStatus is not null
                && state.ReadCustomStatusAs<PhaseStatus>()?.Phase == "waiting-for-approval",
            "waiting-for-approval",
            InMemoryEngine.Timeout);
        Assert.Equal(new PhaseStatus("waiting-for-approval", "T-1"), waiting.ReadCustomStatusAs<PhaseStatus>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, waiting.RuntimeStatus);

        await engine.Client.RaiseEventAsync(id, "approval", "yes");
        OrchestrationMetadata done = await EngineWaits.ForCompletionAsync(engine.Client, id, InMemoryEngine.Timeout);

        Assert.Equal(new PhaseStatus("completed"), done.ReadCustomStatusAs<PhaseStatus>());
        Assert.Equal("yes", done.ReadOutputAs<string>());
        Assert.True(done.LastUpdatedAt >= done.CreatedAt);
    }
}
