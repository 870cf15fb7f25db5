using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Core.Resources;

namespace Mnet.Arm.Lro;

/// <summary>
/// A started long-running operation, serializable (System.Text.Json, any options) so that an orchestrator keeps it
/// in durable state, waits <see cref="RetryAfterSeconds"/> on a durable timer, polls once
/// (<see cref="IArmClient.PollOperationAsync"/>), and repeats with the handle the poll returns.
/// </summary>
public sealed record LroHandle
{
    /// <summary>The URL the next poll reads.</summary>
    public required string OperationUrl { get; init; }
    public required LroKind Kind { get; init; }
    /// <summary>What the service asked for (Retry-After), or the client's default poll interval; at least 1.</summary>
    public required int RetryAfterSeconds { get; init; }
    /// <summary>The operation that started it (errors name it; polls are tagged with it).</summary>
    public required ArmOperation Operation { get; init; }
    /// <summary>HTTP method that started it.</summary>
    public required string Method { get; init; }
    public required string ResourceId { get; init; }
    /// <summary>Where the operation stood at the last answer; a terminal handle polls without a request.</summary>
    public required LroStatus Status { get; init; }
    /// <summary>For <see cref="LroKind.AzureAsync"/>: the URL whose GET gives the final result, if any.</summary>
    public string? FinalUrl { get; init; }
    /// <summary>The final body (JSON text) once the operation succeeded and the service sent one.</summary>
    public string? ResultJson { get; init; }
    /// <summary>The operation's own error once it ended Failed or Canceled.</summary>
    public ArmErrorDetails? Error { get; init; }

    /// <summary>True once the operation has ended (Succeeded, Failed or Canceled).</summary>
    public bool IsTerminal => Status != LroStatus.InProgress;

    /// <summary>The final body read as <typeparamref name="T"/>; default when there is none.</summary>
    public T? ResultAs<T>() =>
        ResultJson is null ? default : JsonSerializer.Deserialize<T>(ResultJson, ArmJson.Options);
}
