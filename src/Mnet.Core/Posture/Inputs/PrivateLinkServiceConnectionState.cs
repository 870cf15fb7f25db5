namespace Mnet.Core.Posture.Inputs;

/// <summary>
/// Pending, Approved, Rejected, Disconnected (open set). Storage spells the last field <c>actionRequired</c>, the
/// other providers <c>actionsRequired</c>: both are read.
/// </summary>
public sealed record PrivateLinkServiceConnectionState
{
    public string? Status { get; init; }
    public string? Description { get; init; }
    public string? ActionsRequired { get; init; }
    public string? ActionRequired { get; init; }
}
