using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Samples;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>Ported from TS tests/durable/local-host/failures.test.ts, on the real engine.</summary>
public sealed class FailureTests
{
    static Task<LocalEngine> StartAsync() => InMemoryEngine.StartAsync(registry => registry
        .AddOrchestratorFunc<string, string>(
            "Throws", (_, _) => Task.FromException<string>(new InvalidOperationException("boom")))
        .AddOrchestratorFunc<string, string>("CatchesActivityFailure", async (context, _) =>
        {
            try
            {
                await context.CallActivityAsync<int>(nameof(FlakyActivity), new FlakyRequest(context.InstanceId, 1));
                return "no failure";
            }
            catch (TaskFailedException error)
            {
                return $"{error.FailureDetails.ErrorType}: {error.FailureDetails.ErrorMessage}";
            }
        })
        .AddOrchestratorFunc<string, int>("LetsActivityFailureThrough", (context, _) =>
            context.CallActivityAsync<int>(nameof(FlakyActivity), new FlakyRequest(context.InstanceId, 1)))
        .AddOrchestratorFunc<string, string>("CallsUnregistered", (context, _) =>
            context.CallActivityAsync<string>("NoSuchActivity")));

    [Fact]
    public async Task OrchestratorException_FailsTheInstance_WithItsTypeAndMessage()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("Throws");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Equal(typeof(InvalidOperationException).FullName, done.FailureDetails.ErrorType);
        Assert.Equal("boom", done.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task ActivityException_ArrivesAsTaskFailed_AndCanBeCaught()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("CatchesActivityFailure");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("System.InvalidOperationException: flaky failure 1", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task UncaughtActivityException_FailsTheOrchestration_WithTheActivityMessage()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("LetsActivityFailureThrough");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Contains("flaky failure 1", done.FailureDetails.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallingAnUnregisteredActivity_FailsTheOrchestration()
    {
        await using LocalEngine engine = await StartAsync();

        OrchestrationMetadata done = await engine.RunAsync("CallsUnregistered");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Contains("NoSuchActivity", done.FailureDetails.ToString(), StringComparison.Ordinal);
    }
}
