using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Local.Tests.Samples;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>Ported from TS tests/durable/local-host/retry.test.ts: the engine's retry policy, its own timers.</summary>
public sealed class RetryTests
{
    static Task<LocalEngine> StartAsync() => InMemoryEngine.StartAsync(registry => registry
        .AddOrchestratorFunc<int, string>("Retry", async (context, failures) =>
        {
            try
            {
                int attempt = await context.CallActivityAsync<int>(
                    nameof(FlakyActivity), new FlakyRequest(context.InstanceId, failures), SamplePolicies.Flaky);
                return $"succeeded on attempt {attempt}";
            }
            catch (TaskFailedException error)
            {
                return $"gave up: {error.Message}";
            }
        }));

    [Fact]
    public async Task ActivityFailingTwice_SucceedsOnTheThirdAttempt()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("Retry", 2, instanceId: "retry-ok");

        Assert.Equal("succeeded on attempt 3", done.ReadOutputAs<string>());
        Assert.Equal(3, engine.Services.GetRequiredService<AttemptLog>().Count("retry-ok"));
    }

    [Fact]
    public async Task RetryPolicy_GivesUpAfterMaxAttempts_AndTheLastErrorIsCatchable()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("Retry", 5, instanceId: "retry-exhausted");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        string? output = done.ReadOutputAs<string>();
        Assert.StartsWith("gave up: ", output, StringComparison.Ordinal);
        Assert.Contains("flaky failure 3", output, StringComparison.Ordinal);
        Assert.Equal(3, engine.Services.GetRequiredService<AttemptLog>().Count("retry-exhausted"));
    }
}
