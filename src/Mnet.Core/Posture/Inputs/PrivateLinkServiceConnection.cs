namespace Mnet.Core.Posture.Inputs;

/// <summary>One connection of a private endpoint to a target resource.</summary>
public sealed record PrivateLinkServiceConnection
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public PrivateLinkServiceConnectionProperties? Properties { get; init; }
}
