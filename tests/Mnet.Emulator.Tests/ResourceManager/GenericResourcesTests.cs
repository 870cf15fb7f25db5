using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.ResourceManager;

public sealed class GenericResourcesTests
{
    [Fact]
    public async Task DependencyResources_GenericPutGetPatch_WithPublicNetworkAccess()
    {
        await using var emu = await TestEmulator.StartAsync();
        await Authorization.AuthorizationWire.PutResourceGroup(emu, "rg-deps");
        (string Type, string Name, string Version)[] types =
        [
            ("Microsoft.Storage/storageAccounts", "stdeps1", "2023-05-01"),
            ("Microsoft.KeyVault/vaults", "kv-deps1", "2023-07-01"),
            ("Microsoft.ContainerRegistry/registries", "crdeps1", "2023-07-01"),
            ("Microsoft.Insights/components", "appi-deps1", "2020-02-02"),
            ("Microsoft.Search/searchServices", "srch-deps1", "2023-11-01"),
            ("Microsoft.CognitiveServices/accounts", "ais-deps1", "2024-10-01"),
            ("Microsoft.DataFactory/factories", "adf-deps1", "2018-06-01"),
        ];
        foreach (var (type, name, v) in types)
        {
            var path = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-deps/providers/{type}/{name}?api-version={v}";
            var put = await emu.Put(path, new { location = "eastus", properties = new { publicNetworkAccess = "Enabled" } });
            Assert.True(put.Status == 201, $"{type}: {put.Text}");
            Assert.Equal(type, Json.Str(put.Body, "type"));
            Assert.Equal(200, (await emu.Patch(path, new { properties = new { publicNetworkAccess = "Disabled" } })).Status);
            var get = await emu.Get(path);
            Assert.Equal("Disabled", Json.Str(get.Body, "properties.publicNetworkAccess"));
            Assert.Equal("Succeeded", Json.Str(get.Body, "properties.provisioningState"));
            Assert.Equal($"/subscriptions/{Wire.Sub}/resourceGroups/rg-deps/providers/{type}/{name}", Json.Str(get.Body, "id"));
        }

        var storage = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-deps/providers/Microsoft.Storage/storageAccounts/stdeps1";
        Assert.Equal(200, (await emu.Put($"{storage}?api-version=2023-05-01",
            new { location = "eastus", properties = new { publicNetworkAccess = "Enabled" } })).Status);
        Assert.Equal("InvalidApiVersionParameter", (await emu.Get($"{storage}?api-version=latest")).ErrorCode);
    }

    [Fact]
    public async Task KnownTypesAcceptTheirPublishedVersionsOnly_UnknownTypesAnyDatedVersion()
    {
        await using var emu = await TestEmulator.StartAsync();
        await Authorization.AuthorizationWire.PutResourceGroup(emu, "rg-v");
        var storage = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-v/providers/Microsoft.Storage/storageAccounts/st1";
        Assert.Equal(201, (await emu.Put($"{storage}?api-version=2019-06-01", new { location = "eastus" })).Status);

        var unpublished = await emu.Get($"{storage}?api-version=2020-01-01");
        Assert.Equal("InvalidApiVersionParameter", unpublished.ErrorCode);
        Assert.Contains("2023-05-01", Json.Str(unpublished.Body, "error.message"), StringComparison.Ordinal);
        Assert.Equal(201, (await emu.Put(
            $"/subscriptions/{Wire.Sub}/resourceGroups/rg-v/providers/Microsoft.Sql/servers/sql1?api-version=2099-01-01",
            new { location = "eastus" })).Status);
    }

    [Fact]
    public async Task Missing404_IfMatch412_ListByType_Delete200Then204()
    {
        await using var emu = await TestEmulator.StartAsync();
        await Authorization.AuthorizationWire.PutResourceGroup(emu, "rg-g");
        var baseType = $"/subscriptions/{Wire.Sub}/resourceGroups/rg-g/providers/Microsoft.KeyVault/vaults";
        const string v = "api-version=2023-07-01";
        Assert.Equal("ResourceNotFound", (await emu.Get($"{baseType}/nothere?{v}")).ErrorCode);

        var created = await emu.Put($"{baseType}/kv1?{v}", new { location = "eastus", tags = new { env = "dev" } });
        var etag = created.RequiredHeader("ETag");
        await emu.Put($"{baseType}/kv2?{v}", new { location = "eastus" });
        var stale = await emu.Call("PATCH", $"{baseType}/kv1?{v}", new { tags = new { } },
            headers: new Dictionary<string, string> { ["If-Match"] = "\"other\"" });
        Assert.Equal(412, stale.Status);
        var fresh = await emu.Call("PATCH", $"{baseType}/kv1?{v}", new { tags = new { env = "prod" } },
            headers: new Dictionary<string, string> { ["If-Match"] = etag });
        Assert.Equal(200, fresh.Status);

        var list = await emu.Get($"{baseType}?{v}");
        Assert.Equal(["kv1", "kv2"], list.Body!["value"]!.AsArray().Select(r => Json.Str(r, "name")));
        Assert.Equal(200, (await emu.Delete($"{baseType}/kv2?{v}")).Status);
        Assert.Equal(204, (await emu.Delete($"{baseType}/kv2?{v}")).Status);
    }
}
