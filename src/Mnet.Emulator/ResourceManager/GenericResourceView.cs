using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.Network;
using Mnet.Emulator.State;

namespace Mnet.Emulator.ResourceManager;

/// <summary>A dependency resource as GET returns it: as stored, with <c>properties.provisioningState</c> Succeeded.</summary>
public static class GenericResourceView
{
    public static JsonObject Of(JsonObject stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var view = stored.DeepClone().AsObject();
        view["tags"] ??= new JsonObject();
        var properties = new JsonObject { ["provisioningState"] = "Succeeded" };
        foreach (var (k, v) in stored.Obj("properties") ?? [])
        {
            properties[k] = v?.DeepClone();
        }

        view["properties"] = properties;
        return view;
    }

    /// <summary>
    /// As GET returns it, with what the network area derives: VNet subnets' endpoints and peering states, endpoint
    /// connections, a private link target's connections and network defaults (<see cref="NetworkViews"/>).
    /// </summary>
    public static JsonObject Of(EmulatorState state, JsonObject stored) => NetworkViews.Decorate(state, Of(stored));

    /// <summary>The row of a resource list (<c>GET .../resources</c>): no properties, as ARM lists them.</summary>
    public static JsonObject ListItem(JsonObject stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var item = new JsonObject();
        foreach (var key in new[] { "id", "name", "type", "kind", "location", "managedBy", "sku", "identity", "tags" })
        {
            if (stored[key] is { } value)
            {
                item[key] = value.DeepClone();
            }
        }

        item["tags"] ??= new JsonObject();
        return item;
    }
}
