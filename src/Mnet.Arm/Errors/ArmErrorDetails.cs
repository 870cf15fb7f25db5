using Mnet.Arm.Actions;
using Mnet.Arm.Lro;

namespace Mnet.Arm.Errors;

/// <summary>Plain, serializable form of an <see cref="ArmException"/> (what durable activities return).</summary>
public sealed record ArmErrorDetails
{
    /// <summary>HTTP status of the failing response; 0 when no response was received.</summary>
    public required int Status { get; init; }
    public required string Code { get; init; }
    public required string Message { get; init; }
    public string? Target { get; init; }
    /// <summary>The service's x-ms-request-id.</summary>
    public string? RequestId { get; init; }
    public required ArmOperation Operation { get; init; }
    public string? ResourceId { get; init; }
    /// <summary>HTTP method of the call (for a long-running operation: the method that started it).</summary>
    public string? Method { get; init; }
    /// <summary>Set when a long-running operation itself ended Failed or Canceled (the call did not fail).</summary>
    public LroStatus? OperationStatus { get; init; }
}
