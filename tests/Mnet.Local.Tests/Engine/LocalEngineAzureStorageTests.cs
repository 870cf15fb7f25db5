using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Samples;
using Mnet.Local.Tests.Support;
using Mnet.TestSupport.Azurite;
using Xunit.Abstractions;

namespace Mnet.Local.Tests.Engine;

[Collection(AzuriteCollection.Name)]
public sealed class LocalEngineAzureStorageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    LocalEngineOptions Options(string taskHub) => new() { Store = azurite.ConnectionString, TaskHub = taskHub };

    [Fact]
    public async Task SampleFlow_RunsToCompletion_OnAzureStorageOverAzurite()
    {
        await using LocalEngine engine = await LocalEngine.StartAsync(
            Options(TaskHubs.Unique("Sample")), SampleEngine.Register, SampleEngine.Services);

        Assert.Equal(LocalEngineBackend.AzureStorage, engine.Backend);
        var clock = Stopwatch.StartNew();
        await SampleScenario.RunAsync(engine, "sample-azure-storage");
        output.WriteLine($"sample flow on Azure Storage: {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task StoppedEngine_LeavesTheInstanceInTheStore_AndTheNextEngineOnTheTaskHubFinishesIt()
    {
        LocalEngineOptions options = Options(TaskHubs.Unique("Restart"));
        await using (LocalEngine first =
            await LocalEngine.StartAsync(options, SampleEngine.Register, SampleEngine.Services))
        {
            await SampleScenario.StartUntilWaitingAsync(first, "restarted");
        }

        var clock = Stopwatch.StartNew();
        await using LocalEngine second =
            await LocalEngine.StartAsync(options, SampleEngine.Register, SampleEngine.Services);
        await SampleScenario.ApproveAndCheckAsync(second, "restarted");

        // A clean stop releases the partition leases: no wait for the 30 s lease to lapse.
        output.WriteLine($"second engine finished the instance in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed < options.LeaseInterval, $"took {clock.Elapsed}: the first engine kept its leases");
    }

    [Fact]
    public async Task ChangedOrchestrator_DeployedBetweenEngines_FailsTheInstance_WithTheMessageAsOutputText()
    {
        // The Azure Storage provider keeps a failure as output text: the sidecar records no failure details for it,
        // so clients get FailureDetails null and the engine's message (here NonDeterministicOrchestrationException's).
        LocalEngineOptions options = Options(TaskHubs.Unique("Evolve"));
        const string instanceId = "evolving";
        await using (LocalEngine v1 = await LocalEngine.StartAsync(
            options,
            registry => SampleEngine.Register(registry.AddOrchestrator<EvolvingFlowV1>(EvolvingFlow.Name)),
            SampleEngine.Services))
        {
            await v1.Client.ScheduleNewOrchestrationInstanceAsync(
                EvolvingFlow.Name, "ada", new StartOrchestrationOptions(instanceId));
            await EngineWaits.ForCustomStatusAsync(
                v1.Client, instanceId, EvolvingFlow.Waiting, TimeSpan.FromSeconds(60));
        }

        await using LocalEngine v2 = await LocalEngine.StartAsync(
            options,
            registry => SampleEngine.Register(registry.AddOrchestrator<EvolvingFlowV2>(EvolvingFlow.Name)),
            SampleEngine.Services);
        await v2.Client.RaiseEventAsync(instanceId, EvolvingFlow.GoEvent, "go");
        OrchestrationMetadata done =
            await EngineWaits.ForCompletionAsync(v2.Client, instanceId, TimeSpan.FromSeconds(60));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Null(done.FailureDetails);
        Assert.StartsWith("Non-Deterministic workflow detected", done.SerializedOutput, StringComparison.Ordinal);
        Assert.Contains($"named '{nameof(GreetActivity)}'", done.SerializedOutput, StringComparison.Ordinal);
    }
}
