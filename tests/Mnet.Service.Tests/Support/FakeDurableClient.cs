using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Workflows.Durable;

namespace Mnet.Service.Tests.Support;

/// <summary>
/// A DurableTaskClient over a dictionary: records starts and events; tests move instances between states with
/// <see cref="Set"/> and <see cref="WaitForApproval"/>. Payloads are serialized with the workflows' converter, as the
/// real client does, so the service reads them back exactly as from the engine.
/// </summary>
public sealed class FakeDurableClient() : DurableTaskClient("fake")
{
    readonly Lock gate = new();
    readonly Dictionary<string, OrchestrationMetadata> instances = new(StringComparer.Ordinal);
    int tick;

    public List<(string Name, string InstanceId, string Input)> Starts { get; } = [];
    public List<(string InstanceId, string EventName, string Data)> Events { get; } = [];

    /// <summary>Replaces the start (e.g. to throw), after the fake's own bookkeeping is skipped.</summary>
    public Func<string, string, Task>? StartOverride { get; set; }

    public Func<string, Task>? GetOverride { get; set; }

    public Func<string, Task>? RaiseOverride { get; set; }

    /// <summary>A backend that does not support dedupe statuses (refuses a start that names them).</summary>
    public bool RefuseDedupeStatuses { get; set; }

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        string id = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        if (StartOverride is not null) await StartOverride(orchestratorName.Name, id);
        if (RefuseDedupeStatuses && options?.DedupeStatuses is { Count: > 0 }) throw new NotSupportedException("dedupe statuses");
        string json = WorkflowJson.Converter.Serialize(input) ?? "null";
        lock (gate)
        {
            if (instances.TryGetValue(id, out var existing) && existing.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
            {
                throw new InvalidOperationException($"An orchestration with instance ID '{id}' already exists");
            }

            Starts.Add((orchestratorName.Name, id, json));
            var now = Stamp();
            instances[id] = new OrchestrationMetadata(orchestratorName.Name, id)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Pending,
                CreatedAt = now,
                LastUpdatedAt = now,
                SerializedInput = json,
            };
        }

        return id;
    }

    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        if (RaiseOverride is not null) await RaiseOverride(instanceId);
        lock (gate) Events.Add((instanceId, eventName, WorkflowJson.Converter.Serialize(eventPayload) ?? "null"));
    }

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        if (GetOverride is not null) await GetOverride(instanceId);
        lock (gate) return instances.GetValueOrDefault(instanceId);
    }

    public int StartCount
    {
        get
        {
            lock (gate) return Starts.Count;
        }
    }

    public int EventCount
    {
        get
        {
            lock (gate) return Events.Count;
        }
    }

    public JsonElement InputOf(int start)
    {
        lock (gate) return JsonDocument.Parse(Starts[start].Input).RootElement.Clone();
    }

    public JsonElement EventData(int index)
    {
        lock (gate) return JsonDocument.Parse(Events[index].Data).RootElement.Clone();
    }

    /// <summary>Changes an instance (status, output, custom status as objects serialized like the engine does).</summary>
    public void Set(string instanceId, OrchestrationRuntimeStatus? status = null, object? output = null, object? customStatus = null, string? failure = null)
    {
        lock (gate)
        {
            var current = instances[instanceId];
            instances[instanceId] = new OrchestrationMetadata(current.Name, instanceId)
            {
                RuntimeStatus = status ?? current.RuntimeStatus,
                CreatedAt = current.CreatedAt,
                LastUpdatedAt = Stamp(),
                SerializedInput = current.SerializedInput,
                SerializedOutput = output is null ? current.SerializedOutput : Serialize(output),
                SerializedCustomStatus = customStatus is null ? current.SerializedCustomStatus : Serialize(customStatus),
                FailureDetails = failure is null ? current.FailureDetails : new TaskFailureDetails("Error", failure, null, null, null),
            };
        }
    }

    /// <summary>The custom status an onboarding publishes while it waits for approval.</summary>
    public void WaitForApproval(string instanceId, string? planMarker = null)
    {
        JsonElement input;
        lock (gate) input = JsonDocument.Parse(instances[instanceId].SerializedInput ?? "{}").RootElement.Clone();
        string? ws = input.TryGetProperty("workspaceId", out var w) ? w.GetString() : null;
        string? ticket = input.TryGetProperty("request", out var r) && r.TryGetProperty("ticketId", out var t) ? t.GetString() : null;
        Set(instanceId, OrchestrationRuntimeStatus.Running, customStatus: new
        {
            phase = "waiting-for-approval",
            workspaceId = ws,
            ticketId = ticket,
            currentStep = "approve-migration",
            plan = new { steps = Array.Empty<object>(), marker = planMarker ?? "plan-a" },
            outcomes = Array.Empty<object>(),
            waitingForApproval = new { stepIds = new[] { "migrate-computes" }, deadline = "2025-01-04T00:00:00.000Z" },
        });
    }

    static string Serialize(object value) => value is string s ? JsonSerializer.Serialize(s) : WorkflowJson.Converter.Serialize(value)!;

    DateTimeOffset Stamp()
    {
        tick++;
        return new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(tick);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Microsoft.DurableTask.AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw new NotSupportedException();

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
