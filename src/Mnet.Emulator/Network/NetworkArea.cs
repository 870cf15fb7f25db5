using Mnet.Emulator.Routing;
using V = Mnet.Emulator.Network.VirtualNetworkHandlers;

namespace Mnet.Emulator.Network;

/// <summary>
/// The customer's network: virtual networks (subnets and peerings inline and as child routes), private endpoints
/// and the private endpoint connections their targets show (workspaces, storage, key vaults, registries, any
/// provider), as the 2024-05-01 Microsoft.Network specification shapes them. Stored with the dependency resources
/// (so Resource Graph and resource lists see them); views derive what Azure derives (subnet endpoints, peering
/// state, target connections). Registered before the generic dependency routes.
/// </summary>
public sealed class NetworkArea : IEmulatorArea
{
    private const string Vnets = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks";
    private const string Endpoints = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/privateEndpoints";

    public void Register(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var v = NetworkTypes.ApiVersions;
        routes.Add("GET", "/subscriptions/{sub}/providers/Microsoft.Network/virtualNetworks", v, V.ListAll);
        routes.Add("GET", Vnets, v, V.List);
        routes.Add("GET", NetworkTypes.VnetRoute, v, V.Get);
        routes.Add("PUT", NetworkTypes.VnetRoute, v, V.Put);
        routes.Add("DELETE", NetworkTypes.VnetRoute, v, V.Delete);
        routes.Add("GET", $"{NetworkTypes.VnetRoute}/subnets", v, V.ListSubnets);
        routes.Add("GET", $"{NetworkTypes.VnetRoute}/subnets/{{subnet}}", v, V.GetSubnet);
        routes.Add("PUT", $"{NetworkTypes.VnetRoute}/subnets/{{subnet}}", v, V.PutSubnet);
        routes.Add("DELETE", $"{NetworkTypes.VnetRoute}/subnets/{{subnet}}", v, V.DeleteSubnet);
        routes.Add("GET", $"{NetworkTypes.VnetRoute}/virtualNetworkPeerings", v, V.ListPeerings);
        routes.Add("GET", $"{NetworkTypes.VnetRoute}/virtualNetworkPeerings/{{peering}}", v, V.GetPeering);
        routes.Add("PUT", $"{NetworkTypes.VnetRoute}/virtualNetworkPeerings/{{peering}}", v, V.PutPeering);
        routes.Add("DELETE", $"{NetworkTypes.VnetRoute}/virtualNetworkPeerings/{{peering}}", v, V.DeletePeering);

        routes.Add("GET", "/subscriptions/{sub}/providers/Microsoft.Network/privateEndpoints", v, PrivateEndpointHandlers.ListAll);
        routes.Add("GET", Endpoints, v, PrivateEndpointHandlers.List);
        routes.Add("GET", NetworkTypes.EndpointRoute, v, PrivateEndpointHandlers.Get);
        routes.Add("PUT", NetworkTypes.EndpointRoute, v, PrivateEndpointHandlers.Put);
        routes.Add("DELETE", NetworkTypes.EndpointRoute, v, PrivateEndpointHandlers.Delete);

        const string Connections = PrivateEndpointConnectionHandlers.TargetRoute;
        var any = ApiVersionPolicy.AnyDated;
        routes.Add("GET", Connections, any, PrivateEndpointConnectionHandlers.List);
        routes.Add("GET", $"{Connections}/{{connection}}", any, PrivateEndpointConnectionHandlers.Get);
        routes.Add("PUT", $"{Connections}/{{connection}}", any, PrivateEndpointConnectionHandlers.Put);
        routes.Add("DELETE", $"{Connections}/{{connection}}", any, PrivateEndpointConnectionHandlers.Delete);
    }
}
