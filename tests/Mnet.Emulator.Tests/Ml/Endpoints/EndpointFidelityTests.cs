using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Ml.Endpoints;

/// <summary>Issue 14: endpoints and deployments keep everything the request sent (identity, sku, systemData, ...).</summary>
public sealed class EndpointFidelityTests : IAsyncLifetime
{
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private static string EpPath(string ep) => $"{Wire.WsPath("rg-ef", "ws-ef")}/onlineEndpoints/{ep}?{Wire.Ml}";

    private static string DepPath(string ep, string dep) => $"{Wire.WsPath("rg-ef", "ws-ef")}/onlineEndpoints/{ep}/deployments/{dep}?{Wire.Ml}";

    [Fact]
    public async Task An_online_deployment_keeps_identity_sku_kind_and_unknown_properties()
    {
        await emu.CreateWorkspace("rg-ef", "ws-ef");
        await emu.Put(EpPath("score"), Json.Parse("""{"location":"eastus","properties":{"authMode":"Key"}}"""));
        emu.Advance(TimeSpan.FromMinutes(5));
        var uai = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-ef/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-dep";
        var body = Json.Parse("""
            {"location":"eastus","kind":"Managed","sku":{"name":"Default","tier":"Standard","capacity":3},
             "properties":{"endpointComputeType":"Managed","model":"azureml:m:1","instanceType":"Standard_DS3_v2","egressPublicNetworkAccess":"Disabled","requestSettings":{"maxConcurrentRequestsPerInstance":2}}}
            """);
        body["identity"] = new JsonObject { ["type"] = "UserAssigned", ["userAssignedIdentities"] = new JsonObject { [uai] = new JsonObject() } };
        var put = await emu.Put(DepPath("score", "blue"), body);
        Assert.Equal(201, put.Status);
        put.RequiredHeader("Azure-AsyncOperation");
        emu.Advance(TimeSpan.FromMinutes(5));
        var got = (await emu.Get(DepPath("score", "blue"))).Body!;
        Assert.Equal("UserAssigned", Json.Str(got, "identity.type"));
        Assert.Matches("^[0-9a-f-]{36}$", got["identity"]!["userAssignedIdentities"]![uai]!["principalId"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"name":"Default","tier":"Standard","capacity":3}"""), got["sku"]));
        Assert.Equal("Managed", Json.Str(got, "kind"));
        Assert.Equal("Disabled", Json.Str(got, "properties.egressPublicNetworkAccess"));
        Assert.Equal(2, Json.At(got, "properties.requestSettings.maxConcurrentRequestsPerInstance")!.GetValue<int>());
        Assert.NotNull(Json.Str(got, "systemData.createdAt"));
        var del = await emu.Delete(DepPath("score", "blue"));
        Assert.Equal(202, del.Status);
        del.RequiredHeader("Location");
    }

    [Fact]
    public async Task An_online_endpoint_keeps_sku_identity_and_unknown_fields_and_reports_systemData()
    {
        await emu.CreateWorkspace("rg-ef", "ws-ef");
        var put = await emu.Put(EpPath("ep-sd"), Json.Parse("""
            {"location":"eastus","kind":"Managed","sku":{"name":"Default","capacity":1},"identity":{"type":"SystemAssigned"},
             "properties":{"authMode":"AADToken","compute":"none","properties":{"team":"risk"}}}
            """));
        Assert.Equal(201, put.Status);
        put.RequiredHeader("Azure-AsyncOperation");
        emu.Advance(TimeSpan.FromMinutes(5));
        var got = (await emu.Get(EpPath("ep-sd"))).Body!;
        Assert.NotNull(Json.Str(got, "systemData.createdAt"));
        Assert.NotNull(Json.Str(got, "systemData.lastModifiedAt"));
        Assert.True(JsonNode.DeepEquals(Json.Parse("""{"name":"Default","capacity":1}"""), got["sku"]));
        Assert.Matches("^[0-9a-f-]{36}$", Json.Str(got, "identity.principalId"));
        Assert.Equal("risk", Json.Str(got, "properties.properties.team"));
        Assert.Equal("none", Json.Str(got, "properties.compute"));
        var del = await emu.Delete(EpPath("ep-sd"));
        Assert.Equal(202, del.Status);
        del.RequiredHeader("Location");
        Assert.Null(del.Header("Azure-AsyncOperation"));
    }
}
