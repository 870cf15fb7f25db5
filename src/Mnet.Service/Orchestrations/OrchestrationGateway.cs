using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Mnet.Service.Orchestrations;

/// <summary>
/// The only way the service reaches Durable: over the invocation's <see cref="DurableTaskClient"/> (the Functions
/// binding, or the local engine's client). The client must use <c>WorkflowJson.Converter</c> (Mnet.Workflows), so
/// inputs travel as the orchestrators read them.
/// </summary>
public sealed class OrchestrationGateway(DurableTaskClient client)
{
    /// <summary>
    /// Starts of the same instance id are serialized within this process (duplicate events arrive in parallel batches);
    /// across processes the engine's dedupe statuses and the re-read after a failed start keep it to one.
    /// </summary>
    static readonly SemaphoreSlim[] StartGates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    static readonly OrchestrationRuntimeStatus[] ActiveStatuses =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended];

    /// <summary>Null when no instance has that id.</summary>
    public async Task<OrchestrationSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null) return null;
        return new OrchestrationSnapshot
        {
            InstanceId = metadata.InstanceId,
            Name = metadata.Name,
            RuntimeStatus = metadata.RuntimeStatus,
            Input = ParseJson(metadata.SerializedInput),
            Output = ParseJson(metadata.SerializedOutput),
            CustomStatus = ParseJson(metadata.SerializedCustomStatus),
            CreatedAt = metadata.CreatedAt,
            LastUpdatedAt = metadata.LastUpdatedAt,
            FailureMessage = metadata.FailureDetails?.ErrorMessage,
        };
    }

    /// <summary>
    /// Starts <paramref name="name"/> under <paramref name="instanceId"/> unless that instance is pending, running or
    /// suspended (then it is reported, not replaced). A start that loses a race to another trigger reports the winner;
    /// any other start failure propagates.
    /// </summary>
    public async Task<StartResult> StartOrGetAsync(
        string name, string instanceId, object input, CancellationToken cancellationToken = default)
    {
        var gate = StartGates[(int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % StartGates.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            var existing = await GetAsync(instanceId, cancellationToken);
            if (existing is { IsActive: true }) return new StartResult(instanceId, false, existing);
            try
            {
                var options = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(ActiveStatuses);
                await client.ScheduleNewOrchestrationInstanceAsync(name, input, options, cancellationToken);
                return new StartResult(instanceId, true);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var now = await GetAsync(instanceId, cancellationToken);
                if (now is { IsActive: true }) return new StartResult(instanceId, false, now);
                // The id is still free: a backend that refuses dedupe statuses gets one plain start; if that fails
                // too, the first failure is the one to report.
                try
                {
                    await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId), cancellationToken);
                    return new StartResult(instanceId, true);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    var after = await GetAsync(instanceId, cancellationToken);
                    if (after is { IsActive: true }) return new StartResult(instanceId, false, after);
                    ExceptionDispatchInfo.Capture(e).Throw();
                    throw;
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public Task RaiseEventAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken = default) =>
        client.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);

    /// <summary>Durable hands input, output and custom status back as JSON text; anything unparsable stays a string.</summary>
    internal static JsonNode? ParseJson(string? serialized)
    {
        if (string.IsNullOrWhiteSpace(serialized)) return null;
        try
        {
            return JsonNode.Parse(serialized);
        }
        catch (JsonException)
        {
            return JsonValue.Create(serialized);
        }
    }
}
