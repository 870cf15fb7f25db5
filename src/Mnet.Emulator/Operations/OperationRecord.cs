using System.Text.Json.Nodes;

namespace Mnet.Emulator.Operations;

/// <summary>A long-running operation and where it stands.</summary>
public sealed class OperationRecord(string id, OperationSpec spec, DateTimeOffset startedAt, DateTimeOffset? completesAt)
{
    public string Id { get; } = id;

    public OperationSpec Spec { get; } = spec;

    public string Kind => Spec.Kind;

    public string Target => Spec.Target;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Null: an lroNeverFinish fault keeps it running forever.</summary>
    public DateTimeOffset? CompletesAt { get; } = completesAt;

    public DateTimeOffset? EndedAt { get; internal set; }

    public OperationStatus Status { get; internal set; } = OperationStatus.InProgress;

    public OperationError? Error { get; internal set; }

    /// <summary>A failure decided at start (an lroFail fault).</summary>
    public OperationError? PlannedError { get; init; }

    public bool InProgress => Status == OperationStatus.InProgress;

    /// <summary>The admin route's shape.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["id"] = Id,
            ["kind"] = Kind,
            ["target"] = Target,
            ["subscriptionId"] = Spec.SubscriptionId,
            ["location"] = Spec.Location,
            ["startedAt"] = StartedAt.ToUnixTimeMilliseconds(),
            ["completesAt"] = CompletesAt?.ToUnixTimeMilliseconds(),
            ["status"] = Status.ToString(),
        };
        if (EndedAt is { } ended)
        {
            o["endedAt"] = ended.ToUnixTimeMilliseconds();
        }

        if (Error is not null)
        {
            o["error"] = new JsonObject { ["code"] = Error.Code, ["message"] = Error.Message };
        }

        return o;
    }
}
