using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Network;

/// <summary>What the network area adds to a stored resource's GET view (VNets, endpoints, private link targets).</summary>
public static class NetworkViews
{
    /// <param name="view">The resource as stored, with its provisioning state (GenericResourceView).</param>
    public static JsonObject Decorate(EmulatorState state, JsonObject view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var type = view.Str("type");
        if (NetworkTypes.Is(type, NetworkTypes.VirtualNetwork))
        {
            return VirtualNetworkView.Decorate(state, view);
        }

        return NetworkTypes.Is(type, NetworkTypes.PrivateEndpoint)
            ? PrivateEndpointView.Decorate(view)
            : DependencyNetworkView.Decorate(state, view);
    }
}
