using Mnet.Emulator.ResourceManager;
using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Network;

/// <summary>The Microsoft.Network types the network area serves, and their route prefixes.</summary>
public static class NetworkTypes
{
    public const string Namespace = "Microsoft.Network";
    public const string VirtualNetwork = "Microsoft.Network/virtualNetworks";
    public const string Subnet = "Microsoft.Network/virtualNetworks/subnets";
    public const string Peering = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
    public const string PrivateEndpoint = "Microsoft.Network/privateEndpoints";
    public const string PrivateLinkServiceConnection = "Microsoft.Network/privateEndpoints/privateLinkServiceConnections";
    public const string NetworkInterface = "Microsoft.Network/networkInterfaces";

    public const string VnetRoute = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{vnet}";
    public const string EndpointRoute = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Network/privateEndpoints/{pe}";

    /// <summary>Every api-version Microsoft.Network publishes for these types (one list for the provider).</summary>
    public static ApiVersionPolicy ApiVersions { get; } = ProviderCatalog.Policy(Namespace, "virtualNetworks");

    public static bool Is(string? type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);
}
