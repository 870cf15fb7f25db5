using Mnet.Emulator.Network;
using Mnet.Emulator.Scenarios;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Scenarios;

/// <summary>The demo's customer-VNet workspace, as a client reads it.</summary>
public sealed class DemoCustomVnetTests : IAsyncLifetime
{
    private const string Network = "api-version=2024-05-01";
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync(new EmulatorOptions { Scenario = "demo" });

    public async Task DisposeAsync() => await emu.DisposeAsync();

    [Fact]
    public async Task The_workspace_has_no_managed_network_public_access_off_and_an_approved_private_endpoint()
    {
        var ws = (await emu.Get($"{DemoWorkspaces.CustomVnet}?{Wire.Ml}")).Body!;
        Assert.Equal("Disabled", Json.Str(ws, "properties.managedNetwork.isolationMode"));
        Assert.Equal("Disabled", Json.Str(ws, "properties.publicNetworkAccess"));
        Assert.Null(Json.Str(ws, "properties.imageBuildCompute"));
        var connection = Assert.Single(Json.At(ws, "properties.privateEndpointConnections")!.AsArray());
        Assert.Equal("Approved", Json.Str(connection, "properties.privateLinkServiceConnectionState.status"));
        Assert.EndsWith("/privateEndpoints/pe-ws-custom-vnet", Json.Str(connection, "properties.privateEndpoint.id"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_VNet_holds_the_computes_and_six_private_endpoints_all_approved()
    {
        var vnetId = $"/subscriptions/{DemoScenario.Subscription1}/resourceGroups/{DemoCustomVnet.ResourceGroup}/providers/Microsoft.Network/virtualNetworks/{DemoCustomVnet.VnetName}";
        var vnet = (await emu.Get($"{vnetId}?{Network}")).Body!;
        Assert.Equal("eastus", Json.Str(vnet, "location"));
        var endpoints = Json.At(vnet, "properties.subnets")!.AsArray().Single(s => Json.Str(s, "name") == "snet-endpoints");
        Assert.Equal(6, Json.At(endpoints, "properties.privateEndpoints")!.AsArray().Count);
        var pes = (await emu.Get($"/subscriptions/{DemoScenario.Subscription1}/resourceGroups/{DemoCustomVnet.ResourceGroup}/providers/Microsoft.Network/privateEndpoints?{Network}")).At("value")!.AsArray();
        Assert.All(pes, pe => Assert.Equal(PrivateLinkConnections.Approved,
            Json.Str(Json.At(pe, "properties.privateLinkServiceConnections")![0], "properties.privateLinkServiceConnectionState.status")));
        Assert.Contains(pes, pe => Json.Str(Json.At(pe, "properties.privateLinkServiceConnections")![0], "properties.privateLinkServiceId") == DemoShared.Search);

        var computes = (await emu.Get($"{DemoWorkspaces.CustomVnet}/computes?{Wire.Ml}")).At("value")!.AsArray();
        Assert.All(computes, c => Assert.Equal($"{vnetId}/subnets/snet-training", Json.Str(c, "properties.properties.subnet.id")));
        Assert.Equal(["ci-data"], computes.Where(c => Json.At(c, "properties.properties.enableNodePublicIp")!.GetValue<bool>()).Select(c => Json.Str(c, "name")));
    }

    [Fact]
    public async Task Its_registry_is_Premium_and_its_dependencies_are_closed_to_public_networks()
    {
        var ws = (await emu.Get($"{DemoWorkspaces.CustomVnet}?{Wire.Ml}")).Body!;
        var registry = (await emu.Get($"{Json.Str(ws, "properties.containerRegistry")}?api-version=2023-07-01")).Body!;
        Assert.Equal("Premium", Json.Str(registry, "sku.name"));
        foreach (var (property, version) in new[] { ("storageAccount", "2023-05-01"), ("keyVault", "2023-07-01"), ("containerRegistry", "2023-07-01") })
        {
            var dependency = (await emu.Get($"{Json.Str(ws, $"properties.{property}")}?api-version={version}")).Body!;
            Assert.Equal("Disabled", Json.Str(dependency, "properties.publicNetworkAccess"));
            Assert.Contains(Json.At(dependency, "properties.privateEndpointConnections")!.AsArray(),
                c => Json.Str(c, "properties.privateLinkServiceConnectionState.status") == "Approved");
        }
    }
}
