using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Mnet.Arm;
using Mnet.Local;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Reliability;

/// <summary>
/// The rig's engine plus more in-memory engines with the same composition (ARM client, document store, scaled
/// clock, activities), each its own task hub, so a fleet is driven on several at once. Why: the in-memory backend
/// (DurableTask's InMemoryOrchestrationService behind the sidecar) dispatches at most ProcessorCount orchestration
/// and activity work items at a time and polls every 500 ms when those slots are full, about 4 episodes a second
/// per engine on 2 cores; one engine would take minutes for the fleet while the CPU idles.
/// </summary>
public sealed class EngineShards : IAsyncDisposable
{
    readonly List<LocalEngine> extra;

    EngineShards(IReadOnlyList<DurableTaskClient> clients, List<LocalEngine> extra)
    {
        Clients = clients;
        this.extra = extra;
    }

    /// <summary>The rig's client first.</summary>
    public IReadOnlyList<DurableTaskClient> Clients { get; }

    public static async Task<EngineShards> StartAsync(WorkflowRig rig, int count, WorkflowSettings settings)
    {
        var timers = new ScaledTimers(rig.Clock);
        var starts = Enumerable.Range(1, Math.Max(0, count - 1)).Select(_ => LocalEngine.StartAsync(
            new LocalEngineOptions(),
            registry => registry.AddMnetWorkflows(),
            services =>
            {
                services.AddSingleton<IArmClient>(rig.Arm);
                services.AddSingleton(rig.Store);
                services.AddSingleton<TimeProvider>(timers);
                services.AddMnetActivities(settings);
            })).ToList();
        try
        {
            var engines = (await Task.WhenAll(starts)).ToList();
            return new EngineShards([rig.Client, .. engines.Select(e => e.Client)], engines);
        }
        catch
        {
            foreach (var started in starts.Where(s => s.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            throw;
        }
    }

    /// <summary>Item i goes to engine i mod count.</summary>
    public DurableTaskClient For(int i) => Clients[i % Clients.Count];

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in extra) await engine.DisposeAsync();
    }
}
