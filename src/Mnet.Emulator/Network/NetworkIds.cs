using Mnet.Emulator.Routing;

namespace Mnet.Emulator.Network;

/// <summary>Ids the network routes name (resource group spelled as stored).</summary>
public static class NetworkIds
{
    public static string Vnet(HandlerContext ctx, RouteParams p) => Of(ctx, p, "virtualNetworks", p["vnet"]);

    public static string Endpoint(HandlerContext ctx, RouteParams p) => Of(ctx, p, "privateEndpoints", p["pe"]);

    /// <summary>The VNet id of a subnet id; null when it is not one.</summary>
    public static string? VnetOfSubnet(string? subnetId)
    {
        if (subnetId is null)
        {
            return null;
        }

        var at = subnetId.LastIndexOf("/subnets/", StringComparison.OrdinalIgnoreCase);
        return at > 0 && subnetId.IndexOf('/', at + "/subnets/".Length) < 0 ? subnetId[..at] : null;
    }

    private static string Of(HandlerContext ctx, RouteParams p, string type, string name)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(p);
        var rg = ctx.State.ResourceGroup(p["sub"], p["rg"])?.Name ?? p["rg"];
        return $"/subscriptions/{p["sub"]}/resourceGroups/{rg}/providers/{NetworkTypes.Namespace}/{type}/{name}";
    }
}
