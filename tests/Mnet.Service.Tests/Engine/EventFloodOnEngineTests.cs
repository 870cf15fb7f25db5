using Microsoft.DurableTask.Client;
using Mnet.Service.Events;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Engine;

/// <summary>
/// The hostile-ticket suite's flood on the real engine: workspace events delivered 3 times, shuffled (one copy in
/// another casing), handled in parallel. Exactly one onboarding per workspace: the engine accepted one start per
/// instance id and holds one instance per workspace; on a smaller flood every onboarding also ran exactly once.
/// </summary>
public sealed class EventFloodOnEngineTests : IAsyncLifetime
{
    readonly RunCounter counter = new();
    readonly ServiceRig rig = new();
    Mnet.Local.LocalEngine engine = null!;

    public async Task InitializeAsync() => engine = await StubWorkflows.StartAsync(counter);

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        rig.Dispose();
    }

    async Task<int> FloodAsync(int workspaces, int seed)
    {
        var random = new Random(seed);
        var messages = Enumerable.Range(0, workspaces)
            .Select(i => WsId($"ws-{seed}-{i:D4}", $"rg-{i % 5}"))
            .SelectMany((ws, i) => Enumerable.Range(0, 3).Select(copy =>
                EventSamples.Write(copy == 1 ? ws.Replace("/workspaces/", "/WORKSPACES/", StringComparison.Ordinal) : ws, id: $"e{i}-{copy}").ToJsonString()))
            .OrderBy(_ => random.Next())
            .ToList();
        int started = 0;
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (message, ct) =>
        {
            foreach (var outcome in await rig.App.Events.HandleQueueMessageAsync(engine.Client, message, ct))
            {
                Assert.NotEqual(WorkspaceEventAction.Ignored, outcome.Action);
                if (outcome.Action == WorkspaceEventAction.Started) Interlocked.Increment(ref started);
            }
        });
        return started;
    }

    [Fact]
    public async Task Three_shuffled_deliveries_of_1000_events_start_exactly_one_onboarding_per_workspace()
    {
        Assert.Equal(1000, await FloodAsync(1000, 1016));
        var instances = new List<OrchestrationMetadata>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 2000 })) instances.Add(instance);
        Assert.Equal(1000, instances.Count);
        Assert.Equal(1000, instances.Select(i => i.InstanceId).Distinct().Count());
        Assert.All(instances, i => Assert.Equal("onboardWorkspace", i.Name));
    }

    [Fact]
    public async Task On_a_smaller_flood_every_onboarding_runs_exactly_once()
    {
        Assert.Equal(30, await FloodAsync(30, 7));
        for (int i = 0; i < 600 && counter.Runs.Count < 30; i++) await Task.Delay(100);
        await Task.Delay(500);
        Assert.Equal(30, counter.Runs.Count);
        Assert.All(counter.Runs, r => Assert.Equal(1, r.Value));
    }
}
