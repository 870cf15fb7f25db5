namespace Mnet.Core.Posture.Readiness;

/// <summary>One connection of a customer private endpoint (endpoint, target, subresource) and what it becomes.</summary>
public sealed record PrivateEndpointMove
{
    public required string PrivateEndpointId { get; init; }
    public required string TargetResourceId { get; init; }
    /// <summary>The connection's group id (blob, vault, amlworkspace, ...); null when it names none.</summary>
    public string? Subresource { get; init; }
    /// <summary>The connection's status (Approved, Pending, ...) as read.</summary>
    public string? Status { get; init; }
    public required PrivateEndpointMoveKind Kind { get; init; }
    /// <summary>The outbound rule it becomes (<see cref="PrivateEndpointMoveKind.OutboundRule"/>).</summary>
    public string? RuleName { get; init; }
    public required string Note { get; init; }
}
