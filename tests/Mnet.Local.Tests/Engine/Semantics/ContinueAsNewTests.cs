using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>Ported from TS tests/durable/local-host/continue-as-new.test.ts, on the real engine.</summary>
public sealed class ContinueAsNewTests
{
    [Fact]
    public async Task ContinueAsNew_StartsAFreshExecution_WithTheNewInput()
    {
        await using LocalEngine engine = await InMemoryEngine.StartAsync(registry =>
            registry.AddOrchestratorFunc<int, int>("Counter", (context, n) =>
            {
                if (n < 3)
                {
                    context.ContinueAsNew(n + 1);
                }

                return Task.FromResult(n);
            }));

        OrchestrationMetadata done = await engine.RunAsync("Counter", 0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, done.ReadOutputAs<int>());
        Assert.Equal(3, done.ReadInputAs<int>()); // the last execution's input: history and input were reset
    }
}
