namespace Mnet.Core.Posture.Inputs;

/// <summary>A private endpoint connection as the TARGET shows it (<c>properties.privateEndpointConnections[]</c>).</summary>
public sealed record PrivateEndpointConnection
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public PrivateEndpointConnectionProperties? Properties { get; init; }
}
