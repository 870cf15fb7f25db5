using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using DurableTask.Core.Exceptions;
using Mnet.Local.Tests.Support;
using Mnet.Workflows.Durable;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>Ported from TS tests/durable/local-host/client-api.test.ts, on the real engine's client.</summary>
public sealed class ClientApiTests
{
    static Task<LocalEngine> StartAsync() => InMemoryEngine.StartAsync(registry => registry
        .AddOrchestratorFunc<string, string>("Waits", async (context, _) =>
            await context.WaitForExternalEvent<string>("go")));

    [Fact]
    public async Task StartingANewInstance_WithTheIdOfARunningOne_IsRefused_WhenStartedAsUnique()
    {
        // The TS host refused this outright. The real local engine only refuses when the start says which statuses
        // it must not replace, as Azure's Durable Functions does by default: DurableLimits.UniqueStart says so.
        await using LocalEngine engine = await StartAsync();
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", null, DurableLimits.UniqueStart("dup"));
        await engine.Client.WaitForInstanceStartAsync("dup");

        var error = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", null, DurableLimits.UniqueStart("dup")));

        Assert.Contains("dup", error.Message, StringComparison.Ordinal);
        OrchestrationMetadata? first = await engine.Client.GetInstanceAsync("dup");
        Assert.Equal(OrchestrationRuntimeStatus.Running, first?.RuntimeStatus);
    }

    [Fact]
    public async Task StartingANewInstance_WithTheIdOfARunningOne_IsAcceptedByTheLocalEngine_HenceUniqueStart()
    {
        await using LocalEngine engine = await StartAsync();
        await engine.Client.ScheduleNewOrchestrationInstanceAsync("Waits", null, new StartOrchestrationOptions("lax"));
        await engine.Client.WaitForInstanceStartAsync("lax");

        string again = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            "Waits", null, new StartOrchestrationOptions("lax"));

        Assert.Equal("lax", again);
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
