using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Network;

/// <summary>Paths and bodies of the network tests (api-version 2024-05-01, rg-net in subscription 1).</summary>
public static class NetworkWire
{
    public const string NetVersion = "api-version=2024-05-01";
    public const string Rg = "rg-net";
    public const string Prefix = $"/subscriptions/{Wire.Sub}/resourceGroups/{Rg}/providers/Microsoft.Network";

    public static string Vnet(string name) => $"{Prefix}/virtualNetworks/{name}";

    public static string Pe(string name) => $"{Prefix}/privateEndpoints/{name}";

    public static JsonObject VnetBody(string prefix, string location = "eastus", params string[] subnets) => new()
    {
        ["location"] = location,
        ["properties"] = new JsonObject
        {
            ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(prefix) },
            ["subnets"] = new JsonArray([.. subnets.Select((s, i) => (JsonNode)new JsonObject
            {
                ["name"] = s,
                ["properties"] = new JsonObject { ["addressPrefix"] = prefix.Replace("0.0/16", $"{i + 1}.0/24", StringComparison.Ordinal) },
            })]),
        },
    };

    /// <summary>A private endpoint body with one connection (manual ones wait for approval).</summary>
    public static JsonObject PeBody(string subnetId, string targetId, string groupId, bool manual = false, string location = "eastus")
    {
        var connection = new JsonObject
        {
            ["name"] = "conn",
            ["properties"] = new JsonObject { ["privateLinkServiceId"] = targetId, ["groupIds"] = new JsonArray(groupId) },
        };
        return new JsonObject
        {
            ["location"] = location,
            ["properties"] = new JsonObject
            {
                ["subnet"] = new JsonObject { ["id"] = subnetId },
                [manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections"] = new JsonArray(connection),
            },
        };
    }

    /// <summary>Creates VNet "vnet1" (10.1.0.0/16, subnets default and endpoints) and returns its id.</summary>
    public static async Task<string> CreateVnet(TestEmulator emu, string name = "vnet1", string prefix = "10.1.0.0/16", string location = "eastus")
    {
        emu.EnsureResourceGroup(Rg);
        var put = await emu.Put($"{Vnet(name)}?{NetVersion}", VnetBody(prefix, location, "default", "endpoints"));
        Assert.True(put.Status is 200 or 201, put.Text);
        return Vnet(name);
    }
}
