using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>
/// Ported from TS tests/durable/local-host/timers-events.test.ts, on the real engine (wall-clock timers).
/// </summary>
public sealed class TimersAndEventsTests
{
    static Task<LocalEngine> StartAsync() => InMemoryEngine.StartAsync(registry => registry
        .AddOrchestratorFunc<int, string>("Race", async (context, timeoutSeconds) =>
        {
            try
            {
                return await context.WaitForExternalEvent<string>("approval", TimeSpan.FromSeconds(timeoutSeconds));
            }
            catch (TaskCanceledException)
            {
                return "timed-out";
            }
        })
        .AddOrchestratorFunc<string, string>("LateListener", async (context, _) =>
        {
            await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
            return await context.WaitForExternalEvent<string>("early");
        }));

    [Fact]
    public async Task EventWinsTheRace_AndTheCancelledTimerDoesNotHoldTheInstance()
    {
        await using LocalEngine engine = await StartAsync();
        var clock = Stopwatch.StartNew();
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Race", 60);
        await engine.Client.WaitForInstanceStartAsync(id);

        await engine.Client.RaiseEventAsync(id, "approval", "yes");
        OrchestrationMetadata done = await EngineWaits.ForCompletionAsync(engine.Client, id, InMemoryEngine.Timeout);

        Assert.Equal("yes", done.ReadOutputAs<string>());
        Assert.True(
            clock.Elapsed < TimeSpan.FromSeconds(30), $"completed after {clock.Elapsed}: the 60 s timer held it");
    }

    [Fact]
    public async Task TimerWinsTheRace_WhenNoEventComes()
    {
        await using LocalEngine engine = await StartAsync();
        var clock = Stopwatch.StartNew();

        OrchestrationMetadata done = await engine.RunAsync("Race", 1);

        Assert.Equal("timed-out", done.ReadOutputAs<string>());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task EventRaisedBeforeTheOrchestratorWaitsForIt_IsBuffered()
    {
        await using LocalEngine engine = await StartAsync();
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("LateListener");
        await engine.Client.WaitForInstanceStartAsync(id);

        await engine.Client.RaiseEventAsync(id, "early", "early bird");
        OrchestrationMetadata done = await EngineWaits.ForCompletionAsync(engine.Client, id, InMemoryEngine.Timeout);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("early bird", done.ReadOutputAs<string>());
    }
}
