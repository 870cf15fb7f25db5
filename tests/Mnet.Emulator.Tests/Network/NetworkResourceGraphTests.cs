using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;
using static Mnet.Emulator.Tests.Network.NetworkWire;

namespace Mnet.Emulator.Tests.Network;

/// <summary>Resource Graph returns VNets, private endpoints and targets with what a GET shows (derived state included).</summary>
public sealed class NetworkResourceGraphTests : IAsyncLifetime
{
    private const string Arg = "/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01";
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private async Task<JsonArray> Query(string query)
    {
        var res = await emu.Post(Arg, new JsonObject { ["subscriptions"] = new JsonArray(Wire.Sub), ["query"] = query });
        Assert.True(res.Status == 200, res.Text);
        return res.At("data")!.AsArray();
    }

    [Fact]
    public async Task VNets_endpoints_and_targets_come_back_with_their_network_state()
    {
        var a = await CreateVnet(emu, "vnet-a", "10.1.0.0/16");
        var b = await CreateVnet(emu, "vnet-b", "10.2.0.0/16");
        JsonObject Peering(string remote) => new() { ["properties"] = new JsonObject { ["remoteVirtualNetwork"] = new JsonObject { ["id"] = remote } } };
        await emu.Put($"{a}/virtualNetworkPeerings/a-b?{NetVersion}", Peering(b));
        await emu.Put($"{b}/virtualNetworkPeerings/b-a?{NetVersion}", Peering(a));
        var storage = emu.PutDependency(Rg, "Microsoft.Storage/storageAccounts", "stgraph", "Disabled");
        await emu.Put($"{Pe("pe-graph")}?{NetVersion}", PeBody($"{a}/subnets/endpoints", storage, "blob"));

        var rows = await Query("resources | where type in~ ('microsoft.network/virtualnetworks', 'microsoft.network/privateendpoints') | project id, type, location, properties | order by id asc");
        Assert.Equal([Pe("pe-graph"), a, b], rows.Select(r => Json.Str(r, "id")));
        Assert.Equal("microsoft.network/privateendpoints", Json.Str(rows[0], "type"));
        Assert.Equal("Approved", Json.Str(Json.At(rows[0], "properties.privateLinkServiceConnections")![0], "properties.privateLinkServiceConnectionState.status"));
        Assert.Equal("Connected", Json.Str(Json.At(rows[1], "properties.virtualNetworkPeerings")![0], "properties.peeringState"));
        var endpointsSubnet = Json.At(rows[1], "properties.subnets")!.AsArray().Single(s => Json.Str(s, "name") == "endpoints");
        Assert.Equal(Pe("pe-graph"), Json.Str(Json.At(endpointsSubnet, "properties.privateEndpoints")![0], "id"));

        var target = Assert.Single(await Query($"resources | where id =~ '{storage}' | project id, properties"));
        Assert.Equal(Pe("pe-graph"), Json.Str(Json.At(target, "properties.privateEndpointConnections")![0], "properties.privateEndpoint.id"));
        Assert.Equal("Allow", Json.Str(target, "properties.networkAcls.defaultAction"));
    }
}
