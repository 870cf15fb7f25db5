using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Inputs;

/// <summary>A virtual network's <c>properties</c>: address space, subnets and peerings (both inline, as GET returns them).</summary>
public sealed record VirtualNetworkProperties
{
    public AddressSpace? AddressSpace { get; init; }
    public IReadOnlyList<Subnet>? Subnets { get; init; }
    public IReadOnlyList<VirtualNetworkPeering>? VirtualNetworkPeerings { get; init; }
    public string? ProvisioningState { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
