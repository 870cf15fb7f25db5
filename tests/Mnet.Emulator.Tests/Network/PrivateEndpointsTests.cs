using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;
using static Mnet.Emulator.Tests.Network.NetworkWire;

namespace Mnet.Emulator.Tests.Network;

/// <summary>Private endpoints and the connections their targets show, approved, rejected and removed over raw HTTPS.</summary>
public sealed class PrivateEndpointsTests : IAsyncLifetime
{
    private TestEmulator emu = null!;
    private string subnet = null!;
    private string storage = null!;

    public async Task InitializeAsync()
    {
        emu = await TestEmulator.StartAsync();
        subnet = $"{await CreateVnet(emu)}/subnets/endpoints";
        storage = emu.PutDependency(Rg, "Microsoft.Storage/storageAccounts", "stnet", "Disabled");
    }

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private async Task<JsonArray> TargetConnections(string targetId, string version = "api-version=2023-05-01") =>
        (await emu.Get($"{targetId}?{version}")).At("properties.privateEndpointConnections")!.AsArray();

    [Fact]
    public async Task An_automatic_connection_is_approved_and_both_sides_show_it()
    {
        var put = await emu.Put($"{Pe("pe-blob")}?{NetVersion}", PeBody(subnet, storage, "blob"));
        Assert.Equal(201, put.Status);
        var pe = (await emu.Get($"{Pe("pe-blob")}?{NetVersion}")).Body!;
        Assert.Equal("Microsoft.Network/privateEndpoints", Json.Str(pe, "type"));
        Assert.Equal("Succeeded", Json.Str(pe, "properties.provisioningState"));
        Assert.Equal(subnet, Json.Str(pe, "properties.subnet.id"));
        var connection = Json.At(pe, "properties.privateLinkServiceConnections")![0]!;
        Assert.Equal($"{Pe("pe-blob")}/privateLinkServiceConnections/conn", Json.Str(connection, "id"));
        Assert.Equal("Microsoft.Network/privateEndpoints/privateLinkServiceConnections", Json.Str(connection, "type"));
        Assert.Equal(storage, Json.Str(connection, "properties.privateLinkServiceId"));
        Assert.Equal("blob", Json.At(connection, "properties.groupIds")![0]!.GetValue<string>());
        Assert.Equal("Approved", Json.Str(connection, "properties.privateLinkServiceConnectionState.status"));
        Assert.Equal("Auto-Approved", Json.Str(connection, "properties.privateLinkServiceConnectionState.description"));
        Assert.Empty(Json.At(pe, "properties.manualPrivateLinkServiceConnections")!.AsArray());
        Assert.Matches("/networkInterfaces/pe-blob\\.nic\\.[0-9a-f]{8}$", Json.Str(Json.At(pe, "properties.networkInterfaces")![0], "id"));

        var onTarget = Assert.Single(await TargetConnections(storage))!;
        Assert.StartsWith($"{storage}/privateEndpointConnections/pe-blob.", Json.Str(onTarget, "id"), StringComparison.Ordinal);
        Assert.Equal("Microsoft.Storage/storageAccounts/privateEndpointConnections", Json.Str(onTarget, "type"));
        Assert.Equal(Pe("pe-blob"), Json.Str(onTarget, "properties.privateEndpoint.id"));
        Assert.Equal("Approved", Json.Str(onTarget, "properties.privateLinkServiceConnectionState.status"));
        // Storage's specification spells it actionRequired.
        Assert.Equal("None", Json.Str(onTarget, "properties.privateLinkServiceConnectionState.actionRequired"));
        Assert.Null(Json.At(onTarget, "properties.privateLinkServiceConnectionState.actionsRequired"));
    }

    [Fact]
    public async Task A_manual_connection_waits_then_the_target_approves_it()
    {
        var vault = emu.PutDependency(Rg, "Microsoft.KeyVault/vaults", "kv-net");
        await emu.Put($"{Pe("pe-kv")}?{NetVersion}", PeBody(subnet, vault, "vault", manual: true));
        var listed = await emu.Get($"{vault}/privateEndpointConnections?api-version=2023-07-01");
        var pending = Assert.Single(listed.At("value")!.AsArray())!;
        Assert.Equal("Pending", Json.Str(pending, "properties.privateLinkServiceConnectionState.status"));
        Assert.Equal("None", Json.Str(pending, "properties.privateLinkServiceConnectionState.actionsRequired"));
        var name = Json.Str(pending, "name")!;

        var approve = await emu.Put($"{vault}/privateEndpointConnections/{name}?api-version=2023-07-01", new JsonObject
        {
            ["properties"] = new JsonObject { ["privateLinkServiceConnectionState"] = new JsonObject { ["status"] = "Approved", ["description"] = "ok by ops" } },
        });
        Assert.Equal(200, approve.Status);
        Assert.Equal("Approved", Json.Str(approve.Body, "properties.privateLinkServiceConnectionState.status"));
        var pe = await emu.Get($"{Pe("pe-kv")}?{NetVersion}");
        var state = Json.At(pe.At("properties.manualPrivateLinkServiceConnections")![0], "properties.privateLinkServiceConnectionState");
        Assert.Equal("Approved", Json.Str(state, "status"));
        Assert.Equal("ok by ops", Json.Str(state, "description"));
        Assert.Equal("Approved", Json.Str((await emu.Get($"{vault}/privateEndpointConnections/{name}?api-version=2023-07-01")).Body, "properties.privateLinkServiceConnectionState.status"));
    }

    [Fact]
    public async Task A_rejected_connection_stays_rejected_across_a_re_PUT_and_cannot_be_approved()
    {
        var body = PeBody(subnet, storage, "blob", manual: true);
        await emu.Put($"{Pe("pe-blob")}?{NetVersion}", body);
        var name = Json.Str((await TargetConnections(storage))[0], "name");
        var path = $"{storage}/privateEndpointConnections/{name}?api-version=2023-05-01";
        JsonObject State(string status) => new() { ["properties"] = new JsonObject { ["privateLinkServiceConnectionState"] = new JsonObject { ["status"] = status } } };

        Assert.Equal(200, (await emu.Put(path, State("Rejected"))).Status);
        Assert.Equal(200, (await emu.Put($"{Pe("pe-blob")}?{NetVersion}", body)).Status);
        Assert.Equal("Rejected", Json.Str((await TargetConnections(storage))[0], "properties.privateLinkServiceConnectionState.status"));
        var again = await emu.Put(path, State("Approved"));
        Assert.Equal(400, again.Status);
        Assert.Contains("rejected", again.Body!["error"]!["message"]!.GetValue<string>());
        Assert.Equal(400, (await emu.Put(path, State("Maybe"))).Status);
    }

    [Fact]
    public async Task Removing_a_connection_on_the_target_disconnects_the_endpoint()
    {
        await emu.Put($"{Pe("pe-blob")}?{NetVersion}", PeBody(subnet, storage, "blob"));
        var name = Json.Str((await TargetConnections(storage))[0], "name");
        var path = $"{storage}/privateEndpointConnections/{name}?api-version=2023-05-01";
        Assert.Equal(200, (await emu.Delete(path)).Status);
        Assert.Empty(await TargetConnections(storage));
        Assert.Equal(204, (await emu.Delete(path)).Status);
        Assert.Equal(404, (await emu.Get(path)).Status);
        var pe = await emu.Get($"{Pe("pe-blob")}?{NetVersion}");
        Assert.Equal("Disconnected", Json.Str(pe.At("properties.privateLinkServiceConnections")![0], "properties.privateLinkServiceConnectionState.status"));
    }

    [Fact]
    public async Task Deleting_the_endpoint_removes_its_connection_from_the_target()
    {
        await emu.Put($"{Pe("pe-blob")}?{NetVersion}", PeBody(subnet, storage, "blob"));
        Assert.Equal(200, (await emu.Delete($"{Pe("pe-blob")}?{NetVersion}")).Status);
        Assert.Empty(await TargetConnections(storage));
        Assert.Equal(204, (await emu.Delete($"{Pe("pe-blob")}?{NetVersion}")).Status);
        Assert.Equal(404, (await emu.Get($"{Pe("pe-blob")}?{NetVersion}")).Status);
    }

    [Fact]
    public async Task The_workspace_shows_its_connections_on_GET_in_its_list_and_by_name_at_the_ML_version()
    {
        var ws = Json.Str(await emu.CreateWorkspace("rg-ml", "ws1"), "id")!;
        await emu.Put($"{Pe("pe-ws")}?{NetVersion}", PeBody(subnet, ws, "amlworkspace"));
        var get = await emu.Get($"{ws}?{Wire.Ml}");
        var connection = Assert.Single(get.At("properties.privateEndpointConnections")!.AsArray())!;
        Assert.Equal(1, get.At("properties.privateLinkCount")!.GetValue<int>());
        Assert.Equal("Microsoft.MachineLearningServices/workspaces/privateEndpointConnections", Json.Str(connection, "type"));
        Assert.Equal("None", Json.Str(connection, "properties.privateLinkServiceConnectionState.actionsRequired"));
        var listed = await emu.Get($"{ws}/privateEndpointConnections?{Wire.Ml}");
        Assert.Equal(Json.Str(connection, "id"), Json.Str(listed.At("value")![0], "id"));
        var byName = await emu.Get($"{ws}/privateEndpointConnections/{Json.Str(connection, "name")}?{Wire.Ml}");
        Assert.Equal(200, byName.Status);
        var wrongVersion = await emu.Get($"{ws}/privateEndpointConnections/{Json.Str(connection, "name")}?api-version=2024-04-01");
        Assert.Equal("InvalidApiVersionParameter", wrongVersion.ErrorCode);
    }

    [Theory]
    [InlineData("subnet-missing")]
    [InlineData("vnet-missing")]
    [InlineData("other-region")]
    [InlineData("target-missing")]
    public async Task An_endpoint_needs_an_existing_subnet_in_its_region_and_an_existing_target(string fault)
    {
        var body = fault switch
        {
            "subnet-missing" => PeBody(subnet.Replace("endpoints", "nope", StringComparison.Ordinal), storage, "blob"),
            "vnet-missing" => PeBody($"{Vnet("ghost")}/subnets/default", storage, "blob"),
            "other-region" => PeBody(subnet, storage, "blob", location: "westus"),
            _ => PeBody(subnet, storage + "x", "blob"),
        };
        var res = await emu.Put($"{Pe("pe-bad")}?{NetVersion}", body);
        Assert.Equal(400, res.Status);
        Assert.Equal("InvalidResourceReference", res.ErrorCode);
        Assert.Equal(404, (await emu.Get($"{Pe("pe-bad")}?{NetVersion}")).Status);
    }

    [Fact]
    public async Task An_endpoint_needs_a_subnet_and_a_connection()
    {
        var noSubnet = await emu.Put($"{Pe("pe-bad")}?{NetVersion}", new JsonObject { ["location"] = "eastus", ["properties"] = new JsonObject() });
        Assert.Equal("InvalidRequestFormat", noSubnet.ErrorCode);
        var body = PeBody(subnet, storage, "blob");
        body["properties"]!.AsObject().Remove("privateLinkServiceConnections");
        Assert.Equal("InvalidRequestFormat", (await emu.Put($"{Pe("pe-bad")}?{NetVersion}", body)).ErrorCode);
    }

    [Fact]
    public async Task Endpoints_are_listed_by_group_and_subscription_and_targets_that_do_not_exist_answer_404()
    {
        await emu.Put($"{Pe("pe-blob")}?{NetVersion}", PeBody(subnet, storage, "blob"));
        var byGroup = await emu.Get($"/subscriptions/{Wire.Sub}/resourceGroups/{Rg}/providers/Microsoft.Network/privateEndpoints?{NetVersion}");
        Assert.Equal(["pe-blob"], byGroup.At("value")!.AsArray().Select(v => Json.Str(v, "name")));
        var bySub = await emu.Get($"/subscriptions/{Wire.Sub}/providers/Microsoft.Network/privateEndpoints?{NetVersion}");
        Assert.Single(bySub.At("value")!.AsArray());
        var ghost = await emu.Get($"/subscriptions/{Wire.Sub}/resourceGroups/{Rg}/providers/Microsoft.Storage/storageAccounts/ghost/privateEndpointConnections?api-version=2023-05-01");
        Assert.Equal(404, ghost.Status);
    }
}
