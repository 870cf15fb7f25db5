using Azure.Data.Tables;
using Mnet.Functions.Tests.Support;
using Mnet.Service.Tickets;
using Mnet.TestSupport.Azurite;

namespace Mnet.Functions.Tests.Serving;

/// <summary><c>mnet serve --store</c>: the engine's task hub and the tickets in Azure Storage (Azurite).</summary>
public sealed class ServeStoreTests
{
    [Fact]
    public async Task With_a_store_the_request_runs_on_azure_storage_and_its_ticket_is_kept_in_the_table()
    {
        await using var azurite = await AzuriteFixture.StartAsync();
        await using var rig = await ServeRig.StartAsync(change: o => o with { Store = azurite.ConnectionString, TaskHub = "ServeStore" });
        var body = new { workspaceId = ServeRig.WsInternet, policy = "tighten", ticketId = "INC-STORE-1", requestedBy = "alice@contoso.com" };
        var (first, accepted) = await rig.PostAsync("/api/v1/requests", body);
        Assert.True(first == 202, accepted.ToJsonString());
        string id = (string)accepted["instanceId"]!;
        await rig.WaitForAsync(id, v => (string?)v["state"] == "waiting-for-approval", "waiting for approval");

        // The same ticket again: the first request, from the table.
        var (again, replay) = await rig.PostAsync("/api/v1/requests", body);
        Assert.Equal(200, again);
        Assert.True((bool)replay["replayed"]!);
        Assert.Equal(id, (string?)replay["instanceId"]);
        Assert.Equal(Mnet.Local.LocalEngineBackend.AzureStorage, rig.Server.Engine.Backend);
        var table = new TableClient(azurite.ConnectionString, TableTicketStore.TableNameFor("ServeStore"));
        Assert.Contains(table.Query<TableEntity>(), e => e.RowKey.Contains("INC-STORE-1", StringComparison.Ordinal)
            || e.Any(kv => kv.Value is string text && text.Contains("INC-STORE-1", StringComparison.Ordinal)));
    }
}
