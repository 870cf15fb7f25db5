using Microsoft.DurableTask;

namespace Mnet.Local.CrashHost.Flows;

/// <summary>
/// The crash flow's registrations and engine options, the same in the crash host and in the resuming test.
/// </summary>
public static class CrashFlowEngine
{
    public static void Register(DurableTaskRegistry registry) =>
        registry
            .AddOrchestrator<CrashFlow>()
            .AddActivity<PrepareStepActivity>()
            .AddActivity<SlowStepActivity>();

    /// <summary>Short visibility and lease timeouts: a dead engine's work is taken over within about 10 s.</summary>
    public static LocalEngineOptions Options(string store, string taskHub) => new()
    {
        Store = store,
        TaskHub = taskHub,
        WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
        ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
        LeaseInterval = TimeSpan.FromSeconds(10),
        LeaseRenewInterval = TimeSpan.FromSeconds(3),
    };
}
