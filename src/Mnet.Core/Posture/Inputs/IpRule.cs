namespace Mnet.Core.Posture.Inputs;

/// <summary>A firewall rule allowing an IPv4 address or CIDR range.</summary>
public sealed record IpRule
{
    public string? Value { get; init; }
    public string? Action { get; init; }
}
