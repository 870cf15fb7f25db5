using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;
using static Mnet.Emulator.Tests.Network.NetworkWire;

namespace Mnet.Emulator.Tests.Network;

/// <summary>Microsoft.Network/virtualNetworks over raw HTTPS: VNets, subnets, peerings, in-use subnets.</summary>
public sealed class VirtualNetworksTests : IAsyncLifetime
{
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    [Fact]
    public async Task A_VNet_is_created_then_updated_and_reads_back_in_the_specification_shape()
    {
        emu.EnsureResourceGroup(Rg);
        var created = await emu.Put($"{Vnet("vnet1")}?{NetVersion}", VnetBody("10.1.0.0/16", "East US", "default"));
        Assert.Equal(201, created.Status);
        Assert.NotNull(created.Header("ETag"));
        var get = await emu.Get($"{Vnet("vnet1")}?{NetVersion}");
        Assert.Equal("Microsoft.Network/virtualNetworks", Json.Str(get.Body, "type"));
        Assert.Equal("eastus", Json.Str(get.Body, "location"));
        Assert.Equal("Succeeded", Json.Str(get.Body, "properties.provisioningState"));
        Assert.Matches("^[0-9a-f-]{36}$", Json.Str(get.Body, "properties.resourceGuid"));
        Assert.Equal("10.1.0.0/16", get.At("properties.addressSpace.addressPrefixes")![0]!.GetValue<string>());
        var subnet = get.At("properties.subnets")![0]!;
        Assert.Equal($"{Vnet("vnet1")}/subnets/default", Json.Str(subnet, "id"));
        Assert.Equal("Microsoft.Network/virtualNetworks/subnets", Json.Str(subnet, "type"));
        Assert.Equal("Succeeded", Json.Str(subnet, "properties.provisioningState"));
        Assert.Equal("Disabled", Json.Str(subnet, "properties.privateEndpointNetworkPolicies"));
        Assert.Null(Json.At(subnet, "properties.privateEndpoints"));
        Assert.Empty(get.At("properties.virtualNetworkPeerings")!.AsArray());

        // A GET body sent back (read-only fields and all) updates it.
        var again = await emu.Put($"{Vnet("vnet1")}?{NetVersion}", get.Body!);
        Assert.Equal(200, again.Status);
        Assert.Equal(Json.Str(get.Body, "properties.resourceGuid"), Json.Str(again.Body, "properties.resourceGuid"));
        Assert.Null(emu.Emulator.State.Read(s => s.Resources.View(Vnet("vnet1")))!["properties"]!["resourceGuid"]);
    }

    [Fact]
    public async Task VNets_are_listed_by_group_and_by_subscription()
    {
        await CreateVnet(emu);
        await CreateVnet(emu, "vnet2", "10.2.0.0/16");
        var byGroup = await emu.Get($"/subscriptions/{Wire.Sub}/resourceGroups/{Rg}/providers/Microsoft.Network/virtualNetworks?{NetVersion}");
        Assert.Equal(["vnet1", "vnet2"], byGroup.At("value")!.AsArray().Select(v => Json.Str(v, "name")));
        var bySub = await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.Network/virtualNetworks?{NetVersion}");
        Assert.Equal(2, bySub.At("value")!.AsArray().Count);
    }

    [Fact]
    public async Task Missing_VNets_and_unknown_api_versions_are_refused()
    {
        emu.EnsureResourceGroup(Rg);
        var missing = await emu.Get($"{Vnet("nope")}?{NetVersion}");
        Assert.Equal(404, missing.Status);
        Assert.Equal("ResourceNotFound", missing.ErrorCode);
        var version = await emu.Get($"{Vnet("nope")}?api-version=2019-01-01");
        Assert.Equal(400, version.Status);
        Assert.Equal("InvalidApiVersionParameter", version.ErrorCode);
        var noLocation = await emu.Put($"{Vnet("x")}?{NetVersion}", new JsonObject { ["properties"] = new JsonObject() });
        Assert.Equal("LocationRequired", noLocation.ErrorCode);
        var twice = await emu.Put($"{Vnet("x")}?{NetVersion}", VnetBody("10.9.0.0/16", "eastus", "a", "A"));
        Assert.Equal(400, twice.Status);
        Assert.Equal("InvalidRequestFormat", twice.ErrorCode);
    }

    [Fact]
    public async Task Subnets_are_child_resources_of_the_VNet()
    {
        var vnet = await CreateVnet(emu);
        var put = await emu.Put($"{vnet}/subnets/training?{NetVersion}", new JsonObject { ["properties"] = new JsonObject { ["addressPrefix"] = "10.1.5.0/24" } });
        Assert.Equal(201, put.Status);
        Assert.Equal($"{vnet}/subnets/training", Json.Str(put.Body, "id"));
        Assert.Equal("10.1.5.0/24", Json.Str((await emu.Get($"{vnet}/subnets/training?{NetVersion}")).Body, "properties.addressPrefix"));
        var list = await emu.Get($"{vnet}/subnets?{NetVersion}");
        Assert.Equal(["default", "endpoints", "training"], list.At("value")!.AsArray().Select(s => Json.Str(s, "name")));
        Assert.Equal(200, (await emu.Delete($"{vnet}/subnets/training?{NetVersion}")).Status);
        Assert.Equal(204, (await emu.Delete($"{vnet}/subnets/training?{NetVersion}")).Status);
        Assert.Equal(404, (await emu.Get($"{vnet}/subnets/training?{NetVersion}")).Status);
    }

    [Fact]
    public async Task A_peering_is_Initiated_until_the_remote_peers_back_then_Connected_and_Disconnected_when_it_is_gone()
    {
        var a = await CreateVnet(emu, "vnet-a", "10.1.0.0/16");
        var b = await CreateVnet(emu, "vnet-b", "10.2.0.0/16");
        JsonObject Peering(string remote) => new() { ["properties"] = new JsonObject { ["remoteVirtualNetwork"] = new JsonObject { ["id"] = remote } } };

        var one = await emu.Put($"{a}/virtualNetworkPeerings/a-to-b?{NetVersion}", Peering(b));
        Assert.Equal(201, one.Status);
        Assert.Equal("Initiated", Json.Str(one.Body, "properties.peeringState"));
        await emu.Put($"{b}/virtualNetworkPeerings/b-to-a?{NetVersion}", Peering(a));
        var connected = await emu.Get($"{a}/virtualNetworkPeerings/a-to-b?{NetVersion}");
        Assert.Equal("Connected", Json.Str(connected.Body, "properties.peeringState"));
        Assert.Equal("FullyInSync", Json.Str(connected.Body, "properties.peeringSyncLevel"));
        Assert.Equal("10.2.0.0/16", connected.At("properties.remoteAddressSpace.addressPrefixes")![0]!.GetValue<string>());
        Assert.Equal("Connected", Json.Str((await emu.Get($"{a}?{NetVersion}")).At("properties.virtualNetworkPeerings")![0], "properties.peeringState"));

        Assert.Equal(200, (await emu.Delete($"{b}?{NetVersion}")).Status);
        Assert.Equal("Disconnected", Json.Str((await emu.Get($"{a}/virtualNetworkPeerings/a-to-b?{NetVersion}")).Body, "properties.peeringState"));
    }

    [Fact]
    public async Task A_peering_to_a_VNet_that_does_not_exist_is_refused()
    {
        var a = await CreateVnet(emu, "vnet-a", "10.1.0.0/16");
        var res = await emu.Put($"{a}/virtualNetworkPeerings/p?{NetVersion}", new JsonObject
        {
            ["properties"] = new JsonObject { ["remoteVirtualNetwork"] = new JsonObject { ["id"] = Vnet("ghost") } },
        });
        Assert.Equal(400, res.Status);
        Assert.Equal("InvalidResourceReference", res.ErrorCode);
        Assert.Equal("InvalidRequestFormat", (await emu.Put($"{a}/virtualNetworkPeerings/p?{NetVersion}", new JsonObject())).ErrorCode);
    }

    [Fact]
    public async Task A_subnet_in_use_by_a_private_endpoint_or_a_compute_cannot_be_deleted()
    {
        var vnet = await CreateVnet(emu);
        var storage = emu.PutDependency(Rg, "Microsoft.Storage/storageAccounts", "stnet");
        Assert.Equal(201, (await emu.Put($"{Pe("pe1")}?{NetVersion}", PeBody($"{vnet}/subnets/endpoints", storage, "blob"))).Status);
        var subnet = await emu.Get($"{vnet}/subnets/endpoints?{NetVersion}");
        Assert.Equal(Pe("pe1"), Json.Str(subnet.At("properties.privateEndpoints")![0], "id"));

        var delete = await emu.Delete($"{vnet}/subnets/endpoints?{NetVersion}");
        Assert.Equal(400, delete.Status);
        Assert.Equal("InUseSubnetCannotBeDeleted", delete.ErrorCode);
        Assert.Contains(Pe("pe1"), delete.Body!["error"]!["message"]!.GetValue<string>());
        var dropped = await emu.Put($"{vnet}?{NetVersion}", VnetBody("10.1.0.0/16", "eastus", "default"));
        Assert.Equal("InUseSubnetCannotBeDeleted", dropped.ErrorCode);
        Assert.Equal("InUseSubnetCannotBeDeleted", (await emu.Delete($"{vnet}?{NetVersion}")).ErrorCode);

        await emu.CreateWorkspace("rg-ml", "ws1");
        var compute = await emu.Put($"{Wire.WsPath("rg-ml", "ws1")}/computes/cluster?{Wire.Ml}", new JsonObject
        {
            ["location"] = "eastus",
            ["properties"] = new JsonObject
            {
                ["computeType"] = "AmlCompute",
                ["properties"] = new JsonObject { ["vmSize"] = "STANDARD_DS3_V2", ["subnet"] = new JsonObject { ["id"] = $"{vnet}/subnets/default" } },
            },
        });
        Assert.True(compute.Status is 200 or 201, compute.Text);
        Assert.Equal("InUseSubnetCannotBeDeleted", (await emu.Delete($"{vnet}/subnets/default?{NetVersion}")).ErrorCode);
    }
}
