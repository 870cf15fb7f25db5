using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Samples;

namespace Mnet.Local.Tests.Support;

/// <summary>An in-memory engine with the sample activities and services plus a test's own orchestrators.</summary>
internal static class InMemoryEngine
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task<LocalEngine> StartAsync(Action<DurableTaskRegistry> orchestrators) =>
        LocalEngine.StartAsync(
            new LocalEngineOptions(),
            registry =>
            {
                SampleEngine.Register(registry);
                orchestrators(registry);
            },
            SampleEngine.Services);

    /// <summary>Schedules <paramref name="orchestrator"/> and waits for it to end.</summary>
    public static async Task<OrchestrationMetadata> RunAsync(
        this LocalEngine engine, string orchestrator, object? input = null, string? instanceId = null)
    {
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            orchestrator, input, instanceId is null ? null : new StartOrchestrationOptions(instanceId));
        return await EngineWaits.ForCompletionAsync(engine.Client, id, Timeout);
    }
}
