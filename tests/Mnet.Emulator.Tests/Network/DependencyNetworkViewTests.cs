using System.Text.Json.Nodes;
using Mnet.Emulator.Tests.Support;
using static Mnet.Emulator.Tests.Network.NetworkWire;

namespace Mnet.Emulator.Tests.Network;

/// <summary>Network rules of the dependency resources as GET returns them: written values kept, specification defaults filled.</summary>
public sealed class DependencyNetworkViewTests : IAsyncLifetime
{
    private TestEmulator emu = null!;

    public async Task InitializeAsync() => emu = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await emu.DisposeAsync();

    private async Task<JsonNode> PutAndGet(string type, string name, string version, JsonObject body)
    {
        emu.EnsureResourceGroup(Rg);
        var path = $"/subscriptions/{Wire.Sub}/resourceGroups/{Rg}/providers/{type}/{name}?{version}";
        var put = await emu.Put(path, body);
        Assert.True(put.Status is 200 or 201, put.Text);
        return (await emu.Get(path)).Body!;
    }

    [Fact]
    public async Task Storage_shows_allow_all_networkAcls_until_rules_are_written_then_the_rules()
    {
        var open = await PutAndGet("Microsoft.Storage/storageAccounts", "stopen", "api-version=2023-05-01",
            new JsonObject { ["location"] = "eastus", ["kind"] = "StorageV2", ["properties"] = new JsonObject() });
        Assert.Equal("Allow", Json.Str(open, "properties.networkAcls.defaultAction"));
        Assert.Equal("AzureServices", Json.Str(open, "properties.networkAcls.bypass"));
        Assert.Empty(Json.At(open, "properties.privateEndpointConnections")!.AsArray());

        var closed = await PutAndGet("Microsoft.Storage/storageAccounts", "stclosed", "api-version=2023-05-01", new JsonObject
        {
            ["location"] = "eastus",
            ["properties"] = Json.Parse("""{"networkAcls":{"defaultAction":"Deny","bypass":"AzureServices","virtualNetworkRules":[{"id":"/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/v/subnets/s","action":"Allow"}],"ipRules":[]}}"""),
        });
        Assert.Equal("Deny", Json.Str(closed, "properties.networkAcls.defaultAction"));
        Assert.Single(Json.At(closed, "properties.networkAcls.virtualNetworkRules")!.AsArray());
    }

    [Fact]
    public async Task A_registry_shows_its_network_rule_set_bypass_and_public_access_with_its_SKU()
    {
        var registry = await PutAndGet("Microsoft.ContainerRegistry/registries", "crnet", "api-version=2023-07-01", new JsonObject
        {
            ["location"] = "eastus",
            ["sku"] = new JsonObject { ["name"] = "Premium" },
            ["properties"] = new JsonObject { ["adminUserEnabled"] = false },
        });
        Assert.Equal("Allow", Json.Str(registry, "properties.networkRuleSet.defaultAction"));
        Assert.Equal("AzureServices", Json.Str(registry, "properties.networkRuleBypassOptions"));
        Assert.Equal("Enabled", Json.Str(registry, "properties.publicNetworkAccess"));
        Assert.Equal("Premium", Json.Str(registry, "sku.name"));
        Assert.Empty(Json.At(registry, "properties.privateEndpointConnections")!.AsArray());
    }

    [Fact]
    public async Task A_key_vault_keeps_its_networkAcls_and_lists_connections()
    {
        var vault = await PutAndGet("Microsoft.KeyVault/vaults", "kvnet", "api-version=2023-07-01", new JsonObject
        {
            ["location"] = "eastus",
            ["properties"] = Json.Parse("""{"publicNetworkAccess":"disabled","networkAcls":{"bypass":"AzureServices","defaultAction":"Deny"}}"""),
        });
        Assert.Equal("disabled", Json.Str(vault, "properties.publicNetworkAccess"));
        Assert.Equal("Deny", Json.Str(vault, "properties.networkAcls.defaultAction"));
        Assert.Empty(Json.At(vault, "properties.privateEndpointConnections")!.AsArray());
    }

    [Fact]
    public async Task An_Azure_Monitor_scope_is_open_by_default_and_other_types_list_connections_only_when_they_have_some()
    {
        var scope = await PutAndGet("Microsoft.Insights/privateLinkScopes", "ampls", "api-version=2021-07-01-preview",
            new JsonObject { ["location"] = "global", ["properties"] = new JsonObject() });
        Assert.Equal("Open", Json.Str(scope, "properties.accessModeSettings.queryAccessMode"));
        Assert.Equal("Open", Json.Str(scope, "properties.accessModeSettings.ingestionAccessMode"));

        var search = await PutAndGet("Microsoft.Search/searchServices", "srch", "api-version=2023-11-01",
            new JsonObject { ["location"] = "eastus", ["properties"] = new JsonObject { ["publicNetworkAccess"] = "Disabled" } });
        Assert.Null(Json.At(search, "properties.privateEndpointConnections"));
        var subnet = $"{await CreateVnet(emu)}/subnets/endpoints";
        await emu.Put($"{Pe("pe-srch")}?{NetVersion}", PeBody(subnet, Json.Str(search, "id")!, "searchService"));
        var after = (await emu.Get($"{Json.Str(search, "id")}?api-version=2023-11-01")).Body;
        Assert.Single(Json.At(after, "properties.privateEndpointConnections")!.AsArray());
    }
}
