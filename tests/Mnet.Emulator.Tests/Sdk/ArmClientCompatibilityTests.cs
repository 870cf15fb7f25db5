using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.Sdk;

/// <summary>Azure.ResourceManager 1.7.0 against the emulator: what the SDK covers works, errors are ARM's.</summary>
public sealed class ArmClientCompatibilityTests
{
    private static readonly ResourceIdentifier StorageId = new(
        $"/subscriptions/{Wire.Sub}/resourceGroups/rg-sdk/providers/Microsoft.Storage/storageAccounts/stsdk");

    [Fact]
    public async Task Subscriptions_DefaultAndList()
    {
        await using var emu = await TestEmulator.StartAsync();
        var client = SdkClients.For(emu);

        var sub = await client.GetDefaultSubscriptionAsync();
        Assert.Equal(Wire.Sub, sub.Data.SubscriptionId);
        Assert.Equal(Guid.Parse(Wire.Tenant), sub.Data.TenantId);
        Assert.Equal(SubscriptionState.Enabled, sub.Data.State);
        var all = await client.GetSubscriptions().GetAllAsync().ToListAsync();
        Assert.Equal([Wire.Sub], all.Select(s => s.Data.SubscriptionId));
    }

    [Fact]
    public async Task ResourceGroups_CreateGetExistsList_AtTheSdksApiVersion()
    {
        await using var emu = await TestEmulator.StartAsync();
        var sub = await SdkClients.For(emu).GetDefaultSubscriptionAsync();
        var groups = sub.GetResourceGroups();

        var created = await groups.CreateOrUpdateAsync(WaitUntil.Completed, "rg-sdk",
            new ResourceGroupData(AzureLocation.WestEurope) { Tags = { ["env"] = "dev" } });
        Assert.Equal(AzureLocation.WestEurope, created.Value.Data.Location);
        var got = await groups.GetAsync("RG-SDK");
        Assert.Equal("rg-sdk", got.Value.Data.Name);
        Assert.Equal("dev", got.Value.Data.Tags["env"]);
        Assert.True((await groups.ExistsAsync("rg-sdk")).Value);
        Assert.False((await groups.ExistsAsync("rg-none")).Value);
        Assert.Contains("rg-sdk", (await groups.GetAllAsync().ToListAsync()).Select(g => g.Data.Name));
        Assert.Contains(emu.Emulator.Requests.List(), r =>
            r.Path.EndsWith("/resourcegroups/rg-sdk", StringComparison.OrdinalIgnoreCase)
            && r.Query.TryGetValue("api-version", out var v) && v == "2022-09-01");
    }

    [Fact]
    public async Task Providers_GetWithResourceTypes_AndRegister()
    {
        await using var emu = await TestEmulator.StartAsync();
        emu.Emulator.State.Write(s => s.SetProviderState(Wire.Sub, "Microsoft.Network", "NotRegistered"));
        var sub = await SdkClients.For(emu).GetDefaultSubscriptionAsync();

        var network = await sub.GetResourceProviders().GetAsync("Microsoft.Network");
        Assert.Equal("NotRegistered", network.Value.Data.RegistrationState);
        Assert.Contains(network.Value.Data.ResourceTypes, t => t.ResourceType == "privateEndpoints" && t.ApiVersions.Count > 0);
        var registered = await network.Value.RegisterAsync();
        Assert.Equal("Registered", registered.Value.Data.RegistrationState);
        var storage = await sub.GetResourceProviders().GetAsync("Microsoft.Storage");
        var accounts = Assert.Single(storage.Value.Data.ResourceTypes);
        Assert.Contains("2023-05-01", accounts.ApiVersions);
        Assert.Contains(accounts.Locations, l => l == "East US");
    }

    [Fact]
    public async Task GenericResources_CreateGetUpdateListDelete_PickTheirApiVersionFromTheProvider()
    {
        await using var emu = await TestEmulator.StartAsync();
        var client = SdkClients.For(emu);
        var sub = await client.GetDefaultSubscriptionAsync();
        var rg = (await sub.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, "rg-sdk",
            new ResourceGroupData(AzureLocation.EastUS))).Value;

        var created = await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, StorageId,
            new GenericResourceData(AzureLocation.EastUS)
            {
                Properties = BinaryData.FromObjectAsJson(new { publicNetworkAccess = "Enabled" }),
                Tags = { ["env"] = "prod" },
            });
        Assert.Equal("Microsoft.Storage/storageAccounts", created.Value.Data.ResourceType.ToString());
        var read = await client.GetGenericResource(StorageId).GetAsync();
        Assert.Equal("Enabled", Property(read.Value.Data, "publicNetworkAccess"));
        var patch = new GenericResourceData(AzureLocation.EastUS)
        {
            Properties = BinaryData.FromObjectAsJson(new { publicNetworkAccess = "Disabled" }),
        };
        var updated = await read.Value.UpdateAsync(WaitUntil.Completed, patch);
        Assert.Equal("Disabled", Property(updated.Value.Data, "publicNetworkAccess"));
        Assert.True((await client.GetGenericResources().ExistsAsync(StorageId)).Value);

        // The SDK reads Microsoft.Storage's published versions and sends the newest.
        var newest = emu.Emulator.State.Read(_ => Mnet.Emulator.ResourceManager.ProviderCatalog
            .FindType("Microsoft.Storage", "storageAccounts")!.ApiVersions[0]);
        Assert.Contains(emu.Emulator.Requests.List(), r => r.Method == "PUT" && r.Path.Contains("stsdk", StringComparison.Ordinal)
            && r.Query["api-version"] == newest);

        var byType = await sub.GetGenericResourcesAsync(filter: "resourceType eq 'Microsoft.Storage/storageAccounts'").ToListAsync();
        Assert.Equal([StorageId.ToString()], byType.Select(r => r.Id.ToString()));
        var byTag = await rg.GetGenericResourcesAsync(filter: "tagName eq 'env' and tagValue eq 'prod'").ToListAsync();
        Assert.Single(byTag);

        await read.Value.DeleteAsync(WaitUntil.Completed);
        Assert.False((await client.GetGenericResources().ExistsAsync(StorageId)).Value);
    }

    [Fact]
    public async Task GenericResourceList_FollowsNextLinkAcrossPages()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { PageSize = 2 });
        var client = SdkClients.For(emu);
        var sub = await client.GetDefaultSubscriptionAsync();
        await sub.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, "rg-sdk", new ResourceGroupData(AzureLocation.EastUS));
        for (var i = 0; i < 5; i++)
        {
            await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed,
                new ResourceIdentifier($"/subscriptions/{Wire.Sub}/resourceGroups/rg-sdk/providers/Microsoft.KeyVault/vaults/kv{i}"),
                new GenericResourceData(AzureLocation.EastUS));
        }

        var all = await sub.GetGenericResourcesAsync().ToListAsync();

        Assert.Equal(5, all.Count);
        Assert.Equal(3, emu.Emulator.Requests.List().Count(r => r.Path.EndsWith("/resources", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Locks_CreateGetListDelete_AndALockedDeleteIsRequestFailedScopeLocked()
    {
        await using var emu = await TestEmulator.StartAsync();
        var client = SdkClients.For(emu);
        var sub = await client.GetDefaultSubscriptionAsync();
        var rg = (await sub.GetResourceGroups().CreateOrUpdateAsync(WaitUntil.Completed, "rg-sdk",
            new ResourceGroupData(AzureLocation.EastUS))).Value;
        var storage = (await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Completed, StorageId,
            new GenericResourceData(AzureLocation.EastUS))).Value;

        var lockResource = (await rg.GetManagementLocks().CreateOrUpdateAsync(WaitUntil.Completed, "no-delete",
            new ManagementLockData(ManagementLockLevel.CanNotDelete) { Notes = "keep" })).Value;
        Assert.Equal(ManagementLockLevel.CanNotDelete, lockResource.Data.Level);
        Assert.Equal("keep", (await rg.GetManagementLocks().GetAsync("no-delete")).Value.Data.Notes);
        Assert.Single(await sub.GetManagementLocks().GetAllAsync().ToListAsync());

        var refused = await Assert.ThrowsAsync<RequestFailedException>(() => storage.DeleteAsync(WaitUntil.Completed));
        Assert.Equal(409, refused.Status);
        Assert.Equal("ScopeLocked", refused.ErrorCode);

        await lockResource.DeleteAsync(WaitUntil.Completed);
        await storage.DeleteAsync(WaitUntil.Completed);
        Assert.Empty(await rg.GetManagementLocks().GetAllAsync().ToListAsync());
    }

    [Fact]
    public async Task Errors_ArriveAsRequestFailedException_WithArmsCodes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var sub = await SdkClients.For(emu).GetDefaultSubscriptionAsync();

        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => sub.GetResourceGroups().GetAsync("rg-none"));
        Assert.Equal(404, missing.Status);
        Assert.Equal("ResourceGroupNotFound", missing.ErrorCode);

        var pinned = SdkClients.For(emu, o => o.SetApiVersion(ResourceGroupResource.ResourceType, "2099-01-01"));
        var pinnedSub = await pinned.GetDefaultSubscriptionAsync();
        var invalid = await Assert.ThrowsAsync<RequestFailedException>(() => pinnedSub.GetResourceGroups().GetAsync("rg-none"));
        Assert.Equal(400, invalid.Status);
        Assert.Equal("InvalidApiVersionParameter", invalid.ErrorCode);
        Assert.Contains("2022-09-01", invalid.Message, StringComparison.Ordinal);

        var unknownSub = await Assert.ThrowsAsync<RequestFailedException>(() =>
            SdkClients.For(emu).GetSubscriptionResource(SubscriptionResource.CreateResourceIdentifier("99999999-0000-0000-0000-000000000009")).GetAsync());
        Assert.Equal("SubscriptionNotFound", unknownSub.ErrorCode);
    }

    private static string? Property(GenericResourceData data, string name) =>
        System.Text.Json.Nodes.JsonNode.Parse(data.Properties.ToString())?[name]?.GetValue<string>();
}
