using Mnet.Service.Events;
using Mnet.Service.Tests.Support;
using static Mnet.Service.Tests.Support.TestIds;

namespace Mnet.Service.Tests.Security;

/// <summary>
/// 1,000 workspace events delivered 3 times each, shuffled and handled in parallel (as queue batches are): exactly one
/// onboarding per workspace. (The real-engine variant: Engine/EventFloodOnEngineTests.)
/// </summary>
public sealed class EventGridFloodTests : IDisposable
{
    readonly ServiceRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task Three_shuffled_parallel_deliveries_of_1000_events_start_exactly_one_onboarding_per_workspace()
    {
        var workspaces = Enumerable.Range(0, 1000).Select(i => WsId($"ws-{i:D4}", $"rg-{i % 7}")).ToList();
        var messages = workspaces.SelectMany((ws, i) => Enumerable.Range(0, 3).Select(copy =>
            EventSamples.Write(copy == 2 ? ws.ToLowerInvariant() : ws, id: $"evt-{i}-{copy}").ToJsonString())).ToList();
        var random = new Random(16);
        messages = [.. messages.OrderBy(_ => random.Next())];
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<WorkspaceEventOutcome>();
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (m, ct) =>
        {
            foreach (var o in await rig.App.Events.HandleQueueMessageAsync(rig.Durable, m, ct)) outcomes.Add(o);
        });
        Assert.Equal(1000, rig.Durable.StartCount);
        Assert.Equal(1000, rig.Durable.Starts.Select(s => s.InstanceId).Distinct().Count());
        Assert.Equal(1000, outcomes.Count(o => o.Action == WorkspaceEventAction.Started));
        Assert.Equal(2000, outcomes.Count(o => o.Action == WorkspaceEventAction.AlreadyRunning));
    }
}
