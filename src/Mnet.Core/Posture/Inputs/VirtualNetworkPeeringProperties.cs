using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Core.Posture.Inputs;

/// <summary>A peering's <c>properties</c>: the remote network and the state (Initiated, Connected, Disconnected).</summary>
public sealed record VirtualNetworkPeeringProperties
{
    public SubResource? RemoteVirtualNetwork { get; init; }
    public string? PeeringState { get; init; }
    public bool? AllowVirtualNetworkAccess { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
