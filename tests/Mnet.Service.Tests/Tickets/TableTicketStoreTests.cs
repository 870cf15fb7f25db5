using Azure.Data.Tables;
using Mnet.Service.Configuration;
using Mnet.Service.Ports;
using Mnet.Service.Tickets;
using Mnet.TestSupport.Azurite;

namespace Mnet.Service.Tests.Tickets;

/// <summary>
/// Port of the Table cases of tests/service/ticket-index.test.ts, against Azurite (the TS spoke REST by hand; here the
/// Azure.Data.Tables SDK signs and sends): the table is created on first use, first claim wins, release is ETag-guarded,
/// storage errors are TicketStoreException, and decisions are atomic under concurrency.
/// </summary>
public sealed class TableTicketStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    TableTicketStore Store(string hub) =>
        TicketStores.For(new StorageConnection { Name = "AzureWebJobsStorage", ConnectionString = azurite.ConnectionString }, hub);

    [Fact]
    public async Task Creates_the_table_on_first_use_first_claim_wins_and_reads_back_the_record()
    {
        var store = Store("HubClaim");
        Assert.Null(await store.GetAsync("INC-1"));
        Assert.True((await store.ClaimAsync(TicketRecords.Of("INC-1"))).Claimed);
        var again = await store.ClaimAsync(TicketRecords.Of("INC-1", TicketRecords.Other));
        Assert.False(again.Claimed);
        Assert.Equal(TicketRecords.Of("INC-1").InstanceId, again.Record.InstanceId);
        var read = await store.GetAsync("INC-1");
        Assert.NotNull(read);
        Assert.Equal(TicketKind.Request, read.Kind);
        Assert.Equal("alice@contoso.com", read.RequestedBy);
        Assert.Equal(["aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"], read.RequesterAliases);
        Assert.Equal(TicketRecords.Of("INC-1").CreatedAt, read.CreatedAt);
        var tables = new TableServiceClient(azurite.ConnectionString);
        Assert.Contains(tables.Query(), t => t.Name == "mnetticketshubclaim");
    }

    [Fact]
    public async Task Concurrent_claims_of_one_ticket_have_exactly_one_winner()
    {
        var store = Store("HubRace");
        var claims = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => store.ClaimAsync(TicketRecords.Of("INC-RACE", $"mnet-onboard-{i:x32}")))));
        Assert.Single(claims, c => c.Claimed);
        Assert.All(claims, c => Assert.Equal(claims.Single(x => x.Claimed).Record.InstanceId, c.Record.InstanceId));
    }

    [Fact]
    public async Task Release_deletes_only_a_matching_claim()
    {
        var store = Store("HubRelease");
        await store.ClaimAsync(TicketRecords.Of("INC-2"));
        await store.ReleaseAsync("INC-2", TicketRecords.Other);
        Assert.NotNull(await store.GetAsync("INC-2"));
        await store.ReleaseAsync("INC-2", TicketRecords.Instance);
        Assert.Null(await store.GetAsync("INC-2"));
    }

    [Fact]
    public async Task Concurrent_approve_reject_approve_decisions_have_exactly_one_winner_and_a_new_question_replaces_the_old()
    {
        var store = Store("HubDecide");
        for (int round = 0; round < 5; round++)
        {
            string hash = $"hash-{round}";
            var claims = await Task.WhenAll(
                Task.Run(() => store.ClaimDecisionAsync(TicketRecords.Decision(true, "carol", planHash: hash))),
                Task.Run(() => store.ClaimDecisionAsync(TicketRecords.Decision(false, "dave", planHash: hash))),
                Task.Run(() => store.ClaimDecisionAsync(TicketRecords.Decision(true, "erin", planHash: hash))));
            var winner = Assert.Single(claims, c => c.Won);
            Assert.All(claims, c => Assert.Equal(winner.Current.Approver, c.Current.Approver));
            Assert.Equal(winner.Current.Approver, (await store.GetDecisionAsync(TicketRecords.Instance))!.Approver);
        }

        var last = (await store.GetDecisionAsync(TicketRecords.Instance))!;
        await store.ReleaseDecisionAsync(last with { Approver = "someone-else" });
        Assert.NotNull(await store.GetDecisionAsync(TicketRecords.Instance));
        await store.ReleaseDecisionAsync(last);
        Assert.Null(await store.GetDecisionAsync(TicketRecords.Instance));
    }

    [Fact]
    public async Task Storage_errors_surface_as_ticket_store_exceptions_never_as_not_found()
    {
        string wrongKey = azurite.ConnectionString.Replace("AccountKey=", "AccountKey=AAAA", StringComparison.Ordinal);
        var store = TicketStores.For(new StorageConnection { Name = "AzureWebJobsStorage", ConnectionString = wrongKey }, "HubDenied");
        var error = await Assert.ThrowsAsync<TicketStoreException>(() => store.GetAsync("INC-3"));
        Assert.Equal(403, error.Status);
        await Assert.ThrowsAsync<TicketStoreException>(() => store.ClaimAsync(TicketRecords.Of("INC-3")));
        Assert.Throws<ArgumentException>(() => new TableTicketStore(new TableServiceClient(azurite.ConnectionString), "bad-name"));
    }

    [Fact]
    public void Connections_connection_strings_development_storage_and_identity()
    {
        Assert.Equal("stmnet", TicketStores.ServiceFor(new StorageConnection
        {
            Name = "AzureWebJobsStorage",
            ConnectionString = "DefaultEndpointsProtocol=https;AccountName=stmnet;AccountKey=a2V5;EndpointSuffix=core.windows.net",
        }).AccountName);
        Assert.Equal("devstoreaccount1", TicketStores.ServiceFor(new StorageConnection { Name = "AzureWebJobsStorage", ConnectionString = "UseDevelopmentStorage=true" }).AccountName);
        var identity = new StorageConnection { Name = "AzureWebJobsStorage", AccountName = "stmnetprod" };
        Assert.Equal(new Uri("https://stmnetprod.table.core.windows.net"), TicketStores.ServiceFor(identity, new Azure.Identity.DefaultAzureCredential()).Uri);
        Assert.Throws<ArgumentNullException>(() => TicketStores.ServiceFor(identity));
        Assert.Equal("mnetticketsmnetprod", TableTicketStore.TableNameFor("Mnet-Prod"));
    }
}
