using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Local.Tests.Samples;
using Mnet.Local.Tests.Support;

namespace Mnet.Local.Tests.Engine.Semantics;

/// <summary>
/// The engine's own replay check: the code behind an orchestration name changes while an instance waits, as a
/// deployment would change it. Cases from TS tests/durable/local-host/host-replay and determinism tests.
/// </summary>
public sealed class DeterminismTests
{
    /// <summary>Runs EvolvingFlow V1 until it waits, deploys <paramref name="changed"/>, lets it replay.</summary>
    static async Task<OrchestrationMetadata> ReplayWithChangedCodeAsync(ITaskOrchestrator changed)
    {
        ITaskOrchestrator deployed = new EvolvingFlowV1();
        await using LocalEngine engine = await InMemoryEngine.StartAsync(registry =>
            registry.AddOrchestrator(EvolvingFlow.Name, () => Volatile.Read(ref deployed)));
        string id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(EvolvingFlow.Name, "ada");
        await EngineWaits.ForCustomStatusAsync(engine.Client, id, EvolvingFlow.Waiting, InMemoryEngine.Timeout);

        Volatile.Write(ref deployed, changed);
        await engine.Client.RaiseEventAsync(id, EvolvingFlow.GoEvent, "go");
        return await EngineWaits.ForCompletionAsync(engine.Client, id, InMemoryEngine.Timeout);
    }

    [Fact]
    public async Task ChangedOrchestrator_ReplayingAnOldHistory_FailsWithNonDeterministicOrchestrationException()
    {
        // TS (host-replay): a different activity name at a recorded sequence id is non-deterministic.
        OrchestrationMetadata done = await ReplayWithChangedCodeAsync(new EvolvingFlowV2());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails.ErrorType);
        Assert.Contains($"named '{nameof(GreetActivity)}'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains($"named '{nameof(FlakyActivity)}'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrchestratorThatNoLongerSchedulesWhatHistoryRecorded_IsCaughtToo()
    {
        // TS (determinism): an orchestrator that stops scheduling what history recorded is caught too.
        OrchestrationMetadata done = await ReplayWithChangedCodeAsync(new EvolvingFlowV3());

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails.ErrorType);
        Assert.Contains(nameof(GreetActivity), done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}
