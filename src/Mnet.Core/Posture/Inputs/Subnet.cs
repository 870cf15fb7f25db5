namespace Mnet.Core.Posture.Inputs;

/// <summary>A subnet: <c>{vnet}/subnets/{name}</c>.</summary>
public sealed record Subnet
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Type { get; init; }
    public SubnetProperties? Properties { get; init; }
}
