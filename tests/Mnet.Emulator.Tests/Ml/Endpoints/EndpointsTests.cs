using System.Text.Json.Nodes;
using Mnet.Emulator.Ml;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Endpoints;

public sealed class EndpointsTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private static string EpPath(string ws, string ep) => $"{Wire.WsPath("rg-e", ws)}/onlineEndpoints/{ep}?{Wire.Ml}";

    private static string DepPath(string ws, string ep, string dep) => $"{Wire.WsPath("rg-e", ws)}/onlineEndpoints/{ep}/deployments/{dep}?{Wire.Ml}";

    private static JsonObject Deployment() => Json.Parse("""
        {"location":"eastus","sku":{"name":"Default","capacity":1},"properties":{"endpointComputeType":"Managed","model":"azureml:m:1","instanceType":"Standard_DS3_v2"}}
        """);

    [Fact]
    public async Task Endpoints_and_deployments_create_split_traffic_list_and_delete()
    {
        await emu.CreateWorkspace("rg-e", "ws-e1");
        var ep = await emu.Put(EpPath("ws-e1", "score"), Json.Parse("""{"location":"eastus","identity":{"type":"SystemAssigned"},"properties":{"authMode":"Key","publicNetworkAccess":"Enabled"}}"""));
        Assert.True(ep.Status == 201, ep.Text);
        ep.RequiredHeader("Azure-AsyncOperation");
        Assert.Equal("Creating", Json.Str(ep.Body, "properties.provisioningState"));
        emu.Advance(5 * Minute);
        Assert.Equal("Succeeded", Json.Str((await emu.Get(EpPath("ws-e1", "score"))).Body, "properties.provisioningState"));
        foreach (var name in new[] { "blue", "green" })
        {
            Assert.Equal(201, (await emu.Put(DepPath("ws-e1", "score", name), Deployment())).Status);
        }

        Assert.Equal("Creating", Json.Str((await emu.Get(DepPath("ws-e1", "score", "blue"))).Body, "properties.provisioningState"));
        emu.Advance(5 * Minute);
        Assert.Equal("Succeeded", Json.Str((await emu.Get(DepPath("ws-e1", "score", "blue"))).Body, "properties.provisioningState"));
        Assert.Equal(400, (await emu.Put(EpPath("ws-e1", "score"), Json.Parse("""{"location":"eastus","properties":{"authMode":"Key","traffic":{"blue":50,"green":20}}}"""))).Status);
        Assert.Equal(400, (await emu.Patch(EpPath("ws-e1", "score"), Json.Parse("""{"properties":{"traffic":{"purple":100}}}"""))).Status);
        var split = await emu.Put(EpPath("ws-e1", "score"), Json.Parse("""{"location":"eastus","properties":{"authMode":"Key","traffic":{"blue":80,"green":20}}}"""));
        Assert.Equal(200, split.Status);
        Assert.Equal("Updating", Json.Str(split.Body, "properties.provisioningState"));
        emu.Advance(Minute);
        var got = (await emu.Get(EpPath("ws-e1", "score"))).Body;
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"blue":80,"green":20}"""), Json.At(got, "properties.traffic")));
        Assert.StartsWith("https://", Json.Str(got, "properties.scoringUri"), StringComparison.Ordinal);
        var list = await emu.Get($"{Wire.WsPath("rg-e", "ws-e1")}/onlineEndpoints/score/deployments?{Wire.Ml}");
        Assert.Equal(["blue", "green"], list.Body!["value"]!.AsArray().Select(d => Json.Str(d, "name")!).Order(StringComparer.Ordinal));
        // A deployment with traffic cannot be deleted.
        Assert.Equal(400, (await emu.Delete(DepPath("ws-e1", "score", "green"))).Status);
        await emu.Patch(EpPath("ws-e1", "score"), Json.Parse("""{"properties":{"traffic":{"blue":100,"green":0}}}"""));
        Assert.Equal(202, (await emu.Delete(DepPath("ws-e1", "score", "green"))).Status);
        emu.Advance(2 * Minute);
        Assert.Equal(404, (await emu.Get(DepPath("ws-e1", "score", "green"))).Status);
        var delEp = await emu.Delete(EpPath("ws-e1", "score"));
        Assert.Equal(202, delEp.Status);
        var location = delEp.RequiredHeader("Location");
        Assert.Equal("Deleting", Json.Str((await emu.Get(DepPath("ws-e1", "score", "blue"))).Body, "properties.provisioningState"));
        emu.Advance(2 * Minute);
        Assert.Equal(204, (await emu.Get(location)).Status);
        Assert.Equal(404, (await emu.Get(EpPath("ws-e1", "score"))).Status);
        Assert.Empty(emu.Emulator.State.ListOnlineEndpoints(Wire.WsPath("rg-e", "ws-e1")));
    }

    [Fact]
    public async Task AuthMode_is_required_and_a_deployment_needs_its_endpoint()
    {
        await emu.CreateWorkspace("rg-e", "ws-e2");
        Assert.Equal(400, (await emu.Put(EpPath("ws-e2", "ep1"), Json.Parse("""{"location":"eastus","properties":{}}"""))).Status);
        Assert.Equal(404, (await emu.Put(DepPath("ws-e2", "nope", "blue"), Deployment())).Status);
    }

    [Fact]
    public async Task A_deployment_in_an_unprovisioned_managed_network_waits_for_the_network()
    {
        await emu.CreateWorkspace("rg-e", "ws-e3", "AllowOnlyApprovedOutbound");
        await emu.Put(EpPath("ws-e3", "ep3"), Json.Parse("""{"location":"eastus","properties":{"authMode":"AMLToken"}}"""));
        emu.Advance(5 * Minute);
        await emu.Put(DepPath("ws-e3", "ep3", "blue"), Deployment());
        emu.Advance(5 * Minute);
        Assert.Equal("Creating", Json.Str((await emu.Get(DepPath("ws-e3", "ep3", "blue"))).Body, "properties.provisioningState"));
        emu.Advance(30 * Minute);
        Assert.Equal("Succeeded", Json.Str((await emu.Get(DepPath("ws-e3", "ep3", "blue"))).Body, "properties.provisioningState"));
    }
}
