namespace Mnet.Core.Posture.Inputs;

/// <summary>A virtual network's <c>addressSpace</c>.</summary>
public sealed record AddressSpace
{
    public IReadOnlyList<string>? AddressPrefixes { get; init; }
}
