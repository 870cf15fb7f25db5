namespace Mnet.Core.Posture.Inputs;

/// <summary>A firewall rule allowing a subnet (<c>id</c> is the subnet's id).</summary>
public sealed record VirtualNetworkRule
{
    public string? Id { get; init; }
    public string? Action { get; init; }
    public string? State { get; init; }
}
