using System.Diagnostics;
using Mnet.Functions.Composition;
using Mnet.Service.Configuration;

namespace Mnet.Functions.Tests.Composition;

/// <summary>
/// The deployed app's ticket table is the one Mnet.Service describes (TicketStores): a caller waits on it, so when
/// storage is down the call fails after a few quick retries (and the API answers 503) rather than the SDK's default
/// back-off of several seconds.
/// </summary>
public sealed class TableServicesTests
{
    [Fact]
    public async Task When_storage_is_down_a_ticket_call_fails_within_the_quick_retry_budget()
    {
        // Nothing listens on port 1: every attempt is refused at once, so the time taken is the retry delays.
        var connection = new StorageConnection
        {
            Name = SettingNames.HostStorage,
            ConnectionString = "DefaultEndpointsProtocol=http;AccountName=stmnet;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/stmnet;",
        };
        var table = TableServices.For(connection).GetTableClient("mnettickets");

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<Exception>(() => table.CreateIfNotExistsAsync());

        // Quick retries: 2 x (200 ms, 400 ms). The SDK default (3 retries from 0.8 s, exponential) takes over 4 s.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_identity_based_connection_without_an_account_or_table_uri_is_refused_naming_it()
    {
        var error = Assert.ThrowsAny<Exception>(() => TableServices.For(new StorageConnection { Name = SettingNames.HostStorage }));
        Assert.Contains(SettingNames.HostStorage, error.Message, StringComparison.Ordinal);
    }
}
