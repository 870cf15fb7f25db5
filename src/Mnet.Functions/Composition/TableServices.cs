using Azure.Data.Tables;
using Azure.Identity;
using Mnet.Service.Configuration;

namespace Mnet.Functions.Composition;

/// <summary>
/// The table service of a Functions-style storage connection: a connection string (Azurite, keys), or identity-based
/// parts (tableServiceUri, else the account's default endpoint) with the managed identity they name.
/// </summary>
public static class TableServices
{
    public static TableServiceClient For(StorageConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.ConnectionString is { } text) return new TableServiceClient(text);
        var endpoint = connection.TableServiceUri
            ?? (connection.AccountName is { } account ? new Uri($"https://{account}.table.core.windows.net") : null)
            ?? throw new InvalidOperationException($"{connection.Name} names neither a connection string nor a storage account");
        var credential = connection.ClientId is { } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        return new TableServiceClient(endpoint, credential);
    }
}
