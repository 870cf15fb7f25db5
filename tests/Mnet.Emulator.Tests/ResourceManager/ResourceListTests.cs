using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.ResourceManager;

public sealed class ResourceListTests
{
    private const string V = "api-version=2022-09-01";

    private static async Task Seed(TestEmulator emu)
    {
        await Authorization.AuthorizationWire.PutResourceGroup(emu, "rg-l1");
        await Authorization.AuthorizationWire.PutResourceGroup(emu, "rg-l2");
        var p = $"/subscriptions/{Wire.Sub}/resourceGroups";
        await emu.Put($"{p}/rg-l1/providers/Microsoft.Storage/storageAccounts/sta?api-version=2023-05-01",
            new { location = "eastus", tags = new { env = "prod" }, properties = new { publicNetworkAccess = "Disabled" } });
        await emu.Put($"{p}/rg-l1/providers/Microsoft.KeyVault/vaults/kva?api-version=2023-07-01",
            new { location = "eastus", tags = new { env = "dev" } });
        await emu.Put($"{p}/rg-l2/providers/Microsoft.Storage/storageAccounts/stb?api-version=2023-05-01",
            new { location = "westus", tags = new { env = "prod" } });
    }

    [Fact]
    public async Task SubscriptionAndGroupLists_FilterOnTypeAndTags_NoProperties()
    {
        await using var emu = await TestEmulator.StartAsync();
        await Seed(emu);

        async Task<List<string>> Names(string path, string? filter = null)
        {
            var q = filter is null ? string.Empty : $"&$filter={Uri.EscapeDataString(filter)}";
            var r = await emu.Get($"{path}?{V}{q}");
            Assert.True(r.Status == 200, r.Text);
            Assert.All(r.Body!["value"]!.AsArray(), x => Assert.Null(x!["properties"]));
            return r.Body!["value"]!.AsArray().Select(x => Json.Str(x, "name")!).Order().ToList();
        }

        var sub = $"/subscriptions/{Wire.Sub}/resources";
        Assert.Equal(["kva", "sta", "stb"], await Names(sub));
        Assert.Equal(["kva", "sta"], await Names($"/subscriptions/{Wire.Sub}/resourceGroups/rg-l1/resources"));
        Assert.Equal(["sta", "stb"], await Names(sub, "resourceType eq 'microsoft.storage/storageAccounts'"));
        Assert.Equal(["sta", "stb"], await Names(sub, "tagName eq 'env' and tagValue eq 'prod'"));
        Assert.Equal(["kva", "sta", "stb"], await Names(sub, "tagName eq 'ENV'"));
        Assert.Equal(["stb"], await Names(sub, "resourceType eq 'Microsoft.Storage/storageAccounts' and substringof('b', name)"));
        Assert.Equal(["sta"], await Names(sub, "resourceGroup eq 'RG-L1' and location eq 'eastus' and name eq 'sta'"));
    }

    [Fact]
    public async Task TagFiltersDoNotCombine_UnknownFieldsRefused_InvalidFilterInQueryString()
    {
        await using var emu = await TestEmulator.StartAsync();
        foreach (var filter in new[]
        {
            "resourceType eq 'Microsoft.Storage/storageAccounts' and tagName eq 'env'",
            "tagValue eq 'prod'",
            "plan eq 'x'",
            "resourceType ne 'x'",
        })
        {
            var r = await emu.Get($"/subscriptions/{Wire.Sub}/resources?{V}&$filter={Uri.EscapeDataString(filter)}");
            Assert.Equal(400, r.Status);
            Assert.Equal("InvalidFilterInQueryString", r.ErrorCode);
        }
    }

    [Fact]
    public async Task NextLinkPagesThroughEverything_TopLimitsTheTotal()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        await Seed(emu);
        var names = new List<string>();
        string? next = $"/subscriptions/{Wire.Sub}/resources?{V}";
        var pages = 0;
        while (next is not null)
        {
            var r = await emu.Get(next);
            Assert.Equal(200, r.Status);
            names.AddRange(r.Body!["value"]!.AsArray().Select(x => Json.Str(x, "name")!));
            next = Json.Str(r.Body, "nextLink");
            pages++;
        }

        Assert.Equal(2, pages);
        Assert.Equal(["kva", "sta", "stb"], names.Order());
        var top = await emu.Get($"/subscriptions/{Wire.Sub}/resources?{V}&$top=1");
        Assert.Single(top.Body!["value"]!.AsArray());
        Assert.Null(Json.Str(top.Body, "nextLink"));
    }
}
