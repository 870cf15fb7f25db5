using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Samples;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>Ported from TS tests/durable/local-host/fan-out.test.ts, on the real engine.</summary>
public sealed class FanOutTests
{
    static readonly string[] Names = ["a", "b", "c", "d", "e"];

    static Task<LocalEngine> StartAsync() => InMemoryEngine.StartAsync(registry => registry
        .AddOrchestratorFunc<string, string[]>("FanOut", (context, _) =>
            Task.WhenAll(Names.Select(name => context.CallActivityAsync<string>(nameof(GreetActivity), name))))
        .AddOrchestratorFunc<string, string>("FanOutWithFailure", async (context, _) =>
        {
            Task<int>[] calls = Enumerable.Range(0, 4)
                .Select(i => context.CallActivityAsync<int>(
                    nameof(FlakyActivity), new FlakyRequest($"{context.InstanceId}-{i}", i == 2 ? 1 : 0)))
                .ToArray();
            try
            {
                await Task.WhenAll(calls);
                return "no failure";
            }
            catch (TaskFailedException error)
            {
                int succeeded = calls.Count(c => c.IsCompletedSuccessfully);
                return $"caught {error.FailureDetails.ErrorMessage}; {succeeded} succeeded";
            }
        }));

    [Fact]
    public async Task FanOutFanIn_ResultsComeBackInScheduleOrder()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("FanOut");

        Assert.Equal(Names.Select(n => $"{SampleEngine.Salutation} {n}"), done.ReadOutputAs<string[]>());
    }

    [Fact]
    public async Task FailingBranch_MakesWhenAllThrow_AndTheOrchestratorCanCatchIt()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("FanOutWithFailure");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("caught flaky failure 1; 3 succeeded", done.ReadOutputAs<string>());
    }
}
