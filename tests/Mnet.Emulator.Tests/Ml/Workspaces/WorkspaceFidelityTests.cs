using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Workspaces;

/// <summary>Issue 14: workspace shapes and service rules the TypeScript emulator got wrong (each fails on it).</summary>
public sealed class WorkspaceFidelityTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private static string Path(string rg, string ws) => $"{Wire.WsPath(rg, ws)}?{Wire.Ml}";

    [Fact]
    public async Task Workspace_PUT_and_DELETE_answer_Location_and_Retry_After_only_as_the_spec_declares()
    {
        emu.EnsureResourceGroup("rg-h");
        var put = await emu.Put(Path("rg-h", "ws-h"), Json.Parse("""{"location":"eastus"}"""));
        Assert.Equal(202, put.Status);
        put.RequiredHeader("Location");
        put.RequiredHeader("Retry-After");
        Assert.Null(put.Header("Azure-AsyncOperation"));
        emu.Advance(Minute);
        var del = await emu.Delete(Path("rg-h", "ws-h"));
        Assert.Equal(202, del.Status);
        del.RequiredHeader("Location");
        Assert.Null(del.Header("Azure-AsyncOperation"));
    }

    [Fact]
    public async Task Workspace_PATCH_may_answer_202_with_Location_and_the_poll_returns_the_workspace()
    {
        await using var slow = await TestEmulator.StartAsync(new EmulatorOptions { Durations = new LroDurations { WorkspaceUpdate = Minute } });
        await slow.CreateWorkspace("rg-pa", "ws-pa");
        var patch = await slow.Patch(Path("rg-pa", "ws-pa"), Json.Parse("""{"tags":{"t":"1"}}"""));
        Assert.Equal(202, patch.Status);
        var location = patch.RequiredHeader("Location");
        Assert.Null(patch.Header("Azure-AsyncOperation"));
        Assert.Equal(202, (await slow.Get(location)).Status);
        slow.Advance(Minute);
        var done = await slow.Get(location);
        Assert.Equal(200, done.Status);
        Assert.Equal("1", Json.Str(done.Body, "tags.t"));
        Assert.Equal("Succeeded", Json.Str(done.Body, "properties.provisioningState"));
    }

    [Fact]
    public async Task ManagedNetworkKind_is_returned_kept_and_V2_cannot_go_back_to_V1()
    {
        var ws = await emu.CreateWorkspace("rg-k", "ws-k", properties: Json.Parse("""{"managedNetwork":{"isolationMode":"AllowInternetOutbound","managedNetworkKind":"V2"}}"""));
        Assert.Equal("V2", Json.Str(ws, "properties.managedNetwork.managedNetworkKind"));
        var keep = await emu.Patch(Path("rg-k", "ws-k"), Json.Parse("""{"properties":{"managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound"}}}"""));
        Assert.Equal("V2", Json.Str(keep.Body, "properties.managedNetwork.managedNetworkKind"));
        var back = await emu.Patch(Path("rg-k", "ws-k"), Json.Parse("""{"properties":{"managedNetwork":{"managedNetworkKind":"V1"}}}"""));
        Assert.Equal(400, back.Status);
        Assert.Equal("ValidationError", back.ErrorCode);
        var plain = await emu.CreateWorkspace("rg-k", "ws-k1");
        Assert.Equal("V1", Json.Str(plain, "properties.managedNetwork.managedNetworkKind"));
        var up = await emu.Patch(Path("rg-k", "ws-k1"), Json.Parse("""{"properties":{"managedNetwork":{"managedNetworkKind":"V2"}}}"""));
        Assert.Equal("V2", Json.Str(up.Body, "properties.managedNetwork.managedNetworkKind"));
    }

    [Fact]
    public async Task Workspace_GET_carries_privateEndpointConnections_privateLinkCount_and_allowPublicAccessWhenBehindVnet()
    {
        var ws = await emu.CreateWorkspace("rg-g", "ws-g");
        Assert.Equal(JsonValueKind.Array, Json.At(ws, "properties.privateEndpointConnections")!.GetValueKind());
        Assert.Equal(0, Json.At(ws, "properties.privateLinkCount")!.GetValue<int>());
        Assert.False(Json.At(ws, "properties.allowPublicAccessWhenBehindVnet")!.GetValue<bool>());
        var set = await emu.Patch(Path("rg-g", "ws-g"), Json.Parse("""{"properties":{"allowPublicAccessWhenBehindVnet":true}}"""));
        Assert.True(Json.At(set.Body, "properties.allowPublicAccessWhenBehindVnet")!.GetValue<bool>());
    }

    [Fact]
    public async Task Spark_provisioning_is_refused_while_public_network_access_is_enabled()
    {
        await emu.CreateWorkspace("rg-s", "ws-s", "AllowOnlyApprovedOutbound");
        var refused = await emu.Provision("rg-s", "ws-s", includeSpark: true);
        Assert.Equal(400, refused.Status);
        Assert.Equal("ValidationError", refused.ErrorCode);
        Assert.Contains("public network access", Json.Str(refused.Body, "error.message"), StringComparison.Ordinal);
        await emu.Patch(Path("rg-s", "ws-s"), Json.Parse("""{"properties":{"publicNetworkAccess":"Disabled"}}"""));
        Assert.Equal(202, (await emu.Provision("rg-s", "ws-s", includeSpark: true)).Status);
    }

    [Fact]
    public async Task Provisioning_needs_Microsoft_Network_registered()
    {
        await emu.CreateWorkspace("rg-n", "ws-n", "AllowInternetOutbound");
        emu.Emulator.State.Write(s => s.SetProviderState(Wire.Sub, "Microsoft.Network", "NotRegistered"));
        var refused = await emu.Provision("rg-n", "ws-n");
        Assert.Equal(409, refused.Status);
        Assert.Equal("MissingSubscriptionRegistration", refused.ErrorCode);
        // An implicit provisioning (first compute) fails the same way.
        var put = await emu.Put($"{Wire.WsPath("rg-n", "ws-n")}/computes/cl1?{Wire.Ml}",
            Json.Parse("""{"location":"eastus","properties":{"computeType":"AmlCompute","properties":{"vmSize":"STANDARD_DS3_V2"}}}"""));
        Assert.Equal(201, put.Status);
        emu.Advance(40 * Minute);
        Assert.Equal("Failed", Json.Str((await emu.Get($"{Wire.WsPath("rg-n", "ws-n")}/computes/cl1?{Wire.Ml}")).Body, "properties.provisioningState"));
        Assert.Equal("Inactive", Json.Str(await emu.GetWorkspace("rg-n", "ws-n"), "properties.managedNetwork.status.status"));
        emu.Emulator.State.Write(s => s.SetProviderState(Wire.Sub, "Microsoft.Network", "Registered"));
        Assert.Equal(202, (await emu.Provision("rg-n", "ws-n")).Status);
    }

    [Fact]
    public async Task Enabling_the_managed_network_fails_while_computes_use_a_customer_subnet()
    {
        await emu.CreateWorkspace("rg-v", "ws-v");
        var compute = $"{Wire.WsPath("rg-v", "ws-v")}/computes/vnet-cluster?{Wire.Ml}";
        var body = Json.Parse("""{"location":"eastus","properties":{"computeType":"AmlCompute","properties":{"vmSize":"STANDARD_DS3_V2"}}}""");
        body["properties"]!["properties"]!["subnet"] = new JsonObject { ["id"] = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/v/subnets/s" };
        Assert.Equal(201, (await emu.Put(compute, body)).Status);
        emu.Advance(5 * Minute);
        var enable = await emu.PatchMode("rg-v", "ws-v", "AllowInternetOutbound");
        Assert.Equal(400, enable.Status);
        Assert.Contains("vnet-cluster", Json.Str(enable.Body, "error.message"), StringComparison.Ordinal);
        Assert.Equal("Disabled", Json.Str(await emu.GetWorkspace("rg-v", "ws-v"), "properties.managedNetwork.isolationMode"));
        Assert.Equal(202, (await emu.Delete($"{Wire.WsPath("rg-v", "ws-v")}/computes/vnet-cluster?{Wire.Ml}&underlyingResourceAction=Delete")).Status);
        emu.Advance(2 * Minute);
        Assert.Equal(200, (await emu.PatchMode("rg-v", "ws-v", "AllowInternetOutbound")).Status);
    }
}
