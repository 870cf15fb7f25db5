namespace Mnet.Core.Posture.Inputs;

/// <summary>The private endpoint (<c>privateEndpoint.id</c>) and the connection's state.</summary>
public sealed record PrivateEndpointConnectionProperties
{
    public SubResource? PrivateEndpoint { get; init; }
    public PrivateLinkServiceConnectionState? PrivateLinkServiceConnectionState { get; init; }
    public IReadOnlyList<string>? GroupIds { get; init; }
    public string? ProvisioningState { get; init; }
}
