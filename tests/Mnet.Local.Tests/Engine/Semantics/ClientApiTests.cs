using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>Ported from TS tests/durable/local-host/client-api.test.ts, on the real engine's client.</summary>
public sealed class ClientApiTests
{
    static Task<LocalEngine> StartAsync() => InMemoryEngine.StartAsync(registry => registry
        .AddOrchestratorFunc<string, string>("Waits", async (context, _) =>
            await context.WaitForExternalEvent<string>("go")));

    [Fact]
    public async Task StartingANewInstance_WithTheIdOfARunningOne_IsRefused()
    {
        await using LocalEngine engine = await StartAsync();
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", null, new StartOrchestrationOptions("dup"));
        await engine.Client.WaitForInstanceStartAsync("dup");

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", null, new StartOrchestrationOptions("dup")));

        Assert.Contains("already exists", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Terminate_EndsARunningInstance_WithTheReasonAsOutput()
    {
        await using LocalEngine engine = await StartAsync();
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits");
        await engine.Client.WaitForInstanceStartAsync(id);

        await engine.Client.TerminateInstanceAsync(id, "operator gave up");
        OrchestrationMetadata done = await EngineWaits.ForCompletionAsync(engine.Client, id, InMemoryEngine.Timeout);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("operator gave up", done.ReadOutputAs<string>());
    }
}
