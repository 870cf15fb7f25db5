using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Mnet.Functions.Triggers.Http;

/// <summary>
/// The client given to handlers that never touch Durable (plan, drift): their functions have no durable client
/// binding, and a call through this one is a bug, so every member throws.
/// </summary>
internal sealed class NoDurableClient : DurableTaskClient
{
    public static NoDurableClient Instance { get; } = new();

    NoDurableClient()
        : base("none")
    {
    }

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        throw Unbound();

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        throw Unbound();

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw Unbound();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw Unbound();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw Unbound();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw Unbound();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw Unbound();

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw Unbound();

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw Unbound();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw Unbound();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    static InvalidOperationException Unbound() =>
        new("This HTTP function has no durable client binding; its handler must not use Durable.");
}
