using System.Text.Json;
using Mnet.Arm.Actions;
using Mnet.Arm.Errors;
using Mnet.Arm.Models;
using Mnet.Arm.Tests.Support;
using Mnet.Core.Resources;
using static Mnet.Arm.Tests.Support.EmulatorHarness;

namespace Mnet.Arm.Tests;

/// <summary>Port of tests/arm/client-subscription.test.ts, against the local emulator, plus the subscription reads.</summary>
public sealed class ArmClientSubscriptionTests : IAsyncLifetime
{
    private const string Sa = $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/Microsoft.Storage/storageAccounts/sadata01";
    private const string Kv = $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/Microsoft.KeyVault/vaults/kv-data-01";
    private const string Acr = $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/Microsoft.ContainerRegistry/registries/acrdata01";
    private const string Ai = $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/Microsoft.Insights/components/ai-data-01";
    private EmulatorHarness _h = null!;

    public async Task InitializeAsync()
    {
        _h = await StartAsync();
        await _h.SeedWorkspaceAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static IReadOnlyDictionary<string, JsonElement> Properties(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    [Fact]
    public async Task Provider_registration_state_of_Microsoft_Network()
    {
        var state = await _h.Client.GetProviderRegistrationStateAsync(Sub);
        Assert.Contains(state, new[] { "Registered", "NotRegistered", "Registering", "Unregistered" });
        Assert.Matches("(?i)/providers/Microsoft\\.Network$", _h.Emu.Requests.List()[^1].Path);
    }

    [Fact]
    public async Task Subscriptions_get_and_list()
    {
        var subscription = await _h.Client.GetSubscriptionAsync(Sub);
        Assert.Equal(Sub, subscription.SubscriptionId);
        Assert.Contains(await _h.Client.ListSubscriptionsAsync(), s => s.SubscriptionId == Sub);
    }

    [Fact]
    public async Task Dependencies_put_and_get_storage_account_key_vault_registry_and_app_insights()
    {
        var cases = new (DependencyKind Kind, string Id, GenericResourceBody Body)[]
        {
            (DependencyKind.StorageAccount, Sa, new() { Location = "westeurope", Kind = "StorageV2", Sku = new Sku { Name = "Standard_LRS" }, Properties = Properties("""{"publicNetworkAccess":"Disabled"}""") }),
            (DependencyKind.KeyVault, Kv, new() { Location = "westeurope", Properties = Properties("""{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},"publicNetworkAccess":"Enabled"}""") }),
            (DependencyKind.ContainerRegistry, Acr, new() { Location = "westeurope", Sku = new Sku { Name = "Premium" }, Properties = Properties("""{"publicNetworkAccess":"Enabled"}""") }),
            (DependencyKind.ApplicationInsights, Ai, new() { Location = "westeurope", Kind = "web", Properties = Properties("""{"Application_Type":"web"}""") }),
        };
        foreach (var (kind, id, body) in cases)
        {
            var put = await _h.Client.PutDependencyAsync(kind, id, body);
            Assert.Equal(id.ToLowerInvariant(), put.Id?.ToLowerInvariant());
            var got = await _h.Client.GetDependencyAsync(kind, id);
            Assert.Equal(id.Split('/')[^1], got.Name);
            Assert.Equal("westeurope", got.Location);
        }
        var sa = await _h.Client.GetDependencyAsync(DependencyKind.StorageAccount, Sa);
        Assert.Equal("Disabled", sa.Properties?["publicNetworkAccess"].GetString());
        var versions = _h.Emu.Requests.List().Where(r => r.Path.Contains("storageAccounts", StringComparison.Ordinal))
            .Select(r => r.Query["api-version"]);
        Assert.All(versions, v => Assert.Equal("2023-05-01", v));
    }

    [Fact]
    public async Task A_dependency_id_of_the_wrong_type_is_refused_before_any_request()
    {
        var before = _h.LastSeq;
        var error = await Assert.ThrowsAsync<ArmUsageException>(() => _h.Client.GetDependencyAsync(DependencyKind.KeyVault, Sa));
        Assert.Contains("is not a Microsoft.KeyVault/vaults id", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _h.LastSeq);
    }

    [Fact]
    public async Task Generic_get_by_id_known_types_pick_their_api_version_and_declared_read_operation()
    {
        await _h.Client.PutDependencyAsync(DependencyKind.StorageAccount, Sa, new GenericResourceBody
        {
            Location = "westeurope",
            Kind = "StorageV2",
            Sku = new Sku { Name = "Standard_LRS" },
        });
        Assert.Equal("ws1", (await _h.Client.GetResourceAsync(WsId)).Name);
        Assert.Equal("microsoft.storage/storageaccounts", (await _h.Client.GetResourceAsync(Sa)).Type?.ToLowerInvariant());
        Assert.Equal(Rg, (await _h.Client.GetResourceAsync($"/subscriptions/{Sub}/resourceGroups/{Rg}")).Name);
        Assert.Equal(
            [ArmOperation.ReadWorkspace, ArmOperation.ReadStorageAccount, ArmOperation.ReadResourceGroup],
            _h.Attempts.TakeLast(3).Select(a => a.Operation));
    }

    [Fact]
    public async Task Generic_get_by_id_of_a_type_without_a_read_action_is_refused_with_or_without_an_api_version_before_any_request()
    {
        const string adf = $"/subscriptions/{Sub}/resourceGroups/{Rg}/providers/Microsoft.DataFactory/factories/adf1";
        var before = _h.LastSeq;
        foreach (var version in new[] { null, "2018-06-01" })
        {
            var error = await Assert.ThrowsAsync<UnsupportedResourceTypeException>(() => _h.Client.GetResourceAsync(adf, version));
            Assert.IsAssignableFrom<ArmUsageException>(error);
            Assert.Equal(ArmUsageErrorCode.ApiVersionUnknown, error.Code);
            Assert.Equal("Microsoft.DataFactory/factories", error.ResourceType);
            Assert.Contains("no api-version known for Microsoft.DataFactory/factories", error.Message, StringComparison.Ordinal);
        }
        await Assert.ThrowsAsync<UnsupportedResourceTypeException>(() => _h.Client.GetResourceAsync($"/subscriptions/{Sub}"));
        Assert.Equal(before, _h.LastSeq); // nothing was sent
    }

    [Fact]
    public async Task CreateResourceGroup_leaves_an_existing_group_and_its_tags_alone()
    {
        await _h.Client.CreateResourceGroupAsync(Sub, "rg-keep", "westeurope", new Dictionary<string, string> { ["owner"] = "team-a" });
        var again = await _h.Client.CreateResourceGroupAsync(Sub, "rg-keep", "westeurope", new Dictionary<string, string> { ["owner"] = "someone-else" });
        Assert.Equal("team-a", again.Tags?["owner"]);
        Assert.Single(_h.Emu.Requests.List(), r => r.Method == "PUT" && r.Path.EndsWith("resourceGroups/rg-keep", StringComparison.OrdinalIgnoreCase));
    }
}
