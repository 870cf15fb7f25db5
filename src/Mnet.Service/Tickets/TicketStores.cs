using Azure.Core;
using Azure.Data.Tables;
using Mnet.Service.Configuration;

namespace Mnet.Service.Tickets;

/// <summary>
/// The ticket store of the Functions host storage account (AzureWebJobsStorage): a connection string (the account key,
/// or Azurite's development account for <c>UseDevelopmentStorage=true</c>), or an identity-based connection (the
/// app's managed identity; it needs Storage Table Data Contributor). Table <c>mnettickets{taskhub}</c>.
/// </summary>
public static class TicketStores
{
    /// <summary>Few quick retries: a caller waits on these (and gets 503 when storage is down).</summary>
    static TableClientOptions Options() => new()
    {
        Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(2), NetworkTimeout = TimeSpan.FromSeconds(10) },
    };

    public static TableServiceClient ServiceFor(StorageConnection connection, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.ConnectionString is { } text) return new TableServiceClient(text, Options());
        var uri = connection.TableServiceUri
            ?? (connection.AccountName is { } account ? new Uri($"https://{account}.table.core.windows.net")
                : throw new ArgumentException($"{connection.Name} names neither a connection string, an account nor a table service URI", nameof(connection)));
        return new TableServiceClient(uri, credential ?? throw new ArgumentNullException(nameof(credential), "an identity-based connection needs a credential"), Options());
    }

    public static TableTicketStore For(StorageConnection connection, string taskHub, TokenCredential? credential = null) =>
        new(ServiceFor(connection, credential), TableTicketStore.TableNameFor(taskHub));
}
