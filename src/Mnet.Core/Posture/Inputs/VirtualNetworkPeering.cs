namespace Mnet.Core.Posture.Inputs;

/// <summary>A peering: <c>{vnet}/virtualNetworkPeerings/{name}</c>.</summary>
public sealed record VirtualNetworkPeering
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public VirtualNetworkPeeringProperties? Properties { get; init; }
}
