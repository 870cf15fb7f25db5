using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Mnet.Workflows.Durable;

/// <summary>
/// Starts an orchestration under a deterministic instance id unless one is already live under it: a duplicate trigger
/// finds the running instance instead of starting a second. (Engines differ on a second start over a live id: the
/// Functions host drops it, the local engine accepts it; neither is what a caller wants.) A finished instance under
/// the id is replaced by the new run.
/// </summary>
public static class WorkflowStarter
{
    static readonly OrchestrationRuntimeStatus[] Live =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
    ];

    public static bool IsLive(OrchestrationMetadata? instance) => instance is not null && Live.Contains(instance.RuntimeStatus);

    public static async Task<StartOutcome> StartOrGetAsync(
        DurableTaskClient client, string orchestrator, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        var existing = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (IsLive(existing)) return new StartOutcome(instanceId, false);
        await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        return new StartOutcome(instanceId, true);
    }
}
