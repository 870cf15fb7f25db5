using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.ResourceManager;

public sealed class SubscriptionsAndProvidersTests
{
    [Fact]
    public async Task ProviderRegistrationState_AndRegister()
    {
        await using var emu = await TestEmulator.StartAsync();
        var path = $"/subscriptions/{Wire.Sub}/providers/Microsoft.Network?api-version=2021-04-01";
        var res = await emu.Get(path);
        Assert.Equal(200, res.Status);
        Assert.Equal("Microsoft.Network", Json.Str(res.Body, "namespace"));
        Assert.Equal("Registered", Json.Str(res.Body, "registrationState"));

        emu.Emulator.State.Write(s => s.SetProviderState(Wire.Sub, "Microsoft.Network", "NotRegistered"));
        Assert.Equal("NotRegistered", Json.Str((await emu.Get(path)).Body, "registrationState"));
        var reg = await emu.Post($"/subscriptions/{Wire.Sub}/providers/Microsoft.Network/register?api-version=2021-04-01");
        Assert.Equal(200, reg.Status);
        Assert.Equal("Registered", Json.Str((await emu.Get(path)).Body, "registrationState"));
    }

    [Fact]
    public async Task Provider_ListsResourceTypesWithApiVersionsNewestFirstAndLocations()
    {
        await using var emu = await TestEmulator.StartAsync();
        var storage = await emu.Get($"/subscriptions/{Wire.Sub}/providers/microsoft.storage?api-version=2022-09-01");

        Assert.Equal("Microsoft.Storage", Json.Str(storage.Body, "namespace"));
        var type = Assert.Single(storage.Body!["resourceTypes"]!.AsArray());
        Assert.Equal("storageAccounts", Json.Str(type, "resourceType"));
        var versions = type!["apiVersions"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        Assert.Contains("2023-05-01", versions);
        Assert.Equal(versions.OrderDescending(StringComparer.Ordinal), versions);
        Assert.Contains("East US", type["locations"]!.AsArray().Select(l => l!.GetValue<string>()));

        var all = await emu.Get($"/subscriptions/{Wire.Sub}/providers?api-version=2022-09-01");
        Assert.Contains(all.Body!["value"]!.AsArray(), p => Json.Str(p, "namespace") == "Microsoft.MachineLearningServices");
    }

    [Fact]
    public async Task Subscriptions_GetAndList_UnknownIs404()
    {
        await using var emu = await TestEmulator.StartAsync();
        var one = await emu.Get($"/subscriptions/{Wire.Sub}?api-version=2022-12-01");

        Assert.Equal(200, one.Status);
        Assert.Equal(Wire.Tenant, Json.Str(one.Body, "tenantId"));
        Assert.Equal("Enabled", Json.Str(one.Body, "state"));
        Assert.Single((await emu.Get("/subscriptions?api-version=2022-12-01")).Body!["value"]!.AsArray());
        Assert.Equal("SubscriptionNotFound",
            (await emu.Get("/subscriptions/99999999-0000-0000-0000-000000000009?api-version=2022-12-01")).ErrorCode);
    }
}
