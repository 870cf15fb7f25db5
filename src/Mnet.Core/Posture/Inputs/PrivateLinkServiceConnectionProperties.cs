namespace Mnet.Core.Posture.Inputs;

/// <summary>The target (<c>privateLinkServiceId</c>), its subresources (<c>groupIds</c>) and the connection's state.</summary>
public sealed record PrivateLinkServiceConnectionProperties
{
    public string? PrivateLinkServiceId { get; init; }
    public IReadOnlyList<string>? GroupIds { get; init; }
    public PrivateLinkServiceConnectionState? PrivateLinkServiceConnectionState { get; init; }
}
