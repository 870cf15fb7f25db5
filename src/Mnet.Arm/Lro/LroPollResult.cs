using System.Text.Json;
using Mnet.Arm.Errors;
using Mnet.Core.Resources;

namespace Mnet.Arm.Lro;

/// <summary>The outcome of ONE poll of a long-running operation.</summary>
public sealed record LroPollResult
{
    public required LroStatus Status { get; init; }
    /// <summary>Present when Failed or Canceled: the operation's own code and message.</summary>
    public ArmErrorDetails? Error { get; init; }
    /// <summary>Present when Succeeded and the service sent a final body: its JSON text.</summary>
    public string? ResultJson { get; init; }
    /// <summary>The handle for the next poll (the operation URL or Retry-After may have changed).</summary>
    public required LroHandle Handle { get; init; }

    /// <summary>The final body read as <typeparamref name="T"/>; default when there is none.</summary>
    public T? ResultAs<T>() =>
        ResultJson is null ? default : JsonSerializer.Deserialize<T>(ResultJson, ArmJson.Options);
}
