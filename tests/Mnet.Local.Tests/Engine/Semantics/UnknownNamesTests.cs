using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>
/// Ported from TS tests/durable/local-host/client-api.test.ts ("unknown instances and orchestrators are reported with
/// typed errors"), on the real engine: an unknown instance reads as absent, and an unknown orchestrator name fails
/// the instance it was scheduled under, naming the orchestrator, instead of leaving it pending for ever.
/// </summary>
public sealed class UnknownNamesTests
{
    static Task<LocalEngine> StartAsync() => InMemoryEngine.StartAsync(registry => registry
        .AddOrchestratorFunc<string, string>("Waits", async (context, _) =>
            await context.WaitForExternalEvent<string>("go")));

    [Fact]
    public async Task AnUnknownInstance_ReadsAsAbsent()
    {
        await using LocalEngine engine = await StartAsync();

        Assert.Null(await engine.Client.GetInstanceAsync("missing"));
        Assert.Null(await engine.Client.GetInstanceAsync("missing", getInputsAndOutputs: true));
    }

    [Fact]
    public async Task AnUnknownOrchestrator_FailsItsInstance_NamingTheOrchestrator()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("NoSuchOrchestrator");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Contains("NoSuchOrchestrator", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}
