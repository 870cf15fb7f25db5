using System.Text.Json.Nodes;
using Microsoft.DurableTask.Client;

namespace Mnet.Service.Orchestrations;

/// <summary>
/// An orchestration instance as the service reads it: input, output and custom status as raw JSON (they travel
/// through Durable history and are read defensively), plus the run id derived from its creation time.
/// </summary>
public sealed record OrchestrationSnapshot
{
    public required string InstanceId { get; init; }
    public required string Name { get; init; }
    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }
    public JsonNode? Input { get; init; }
    public JsonNode? Output { get; init; }
    public JsonNode? CustomStatus { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>A failed instance's error message (first line only is ever shown).</summary>
    public string? FailureMessage { get; init; }

    /// <summary>Identifies this run of the instance id (a finished instance is replaced by the next request).</summary>
    public string RunId => RunIds.Of(InstanceId, CreatedAt);

    /// <summary>Pending, running or suspended: the instance still owns its id; a new start must not replace it.</summary>
    public bool IsActive => RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running
        or OrchestrationRuntimeStatus.Suspended;
}
