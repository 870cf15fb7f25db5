using Azure.Data.Tables;
using Azure.Identity;
using Mnet.Service.Configuration;
using Mnet.Service.Tickets;

namespace Mnet.Functions.Composition;

/// <summary>
/// The table service of a Functions-style storage connection, as <see cref="TicketStores"/> builds it (quick retries:
/// a caller waits on the ticket table): a connection string (Azurite, keys), or identity-based parts
/// (tableServiceUri, else the account's default endpoint) with the managed identity they name.
/// </summary>
public static class TableServices
{
    public static TableServiceClient For(StorageConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return TicketStores.ServiceFor(connection, connection.IsIdentityBased ? ManagedIdentity(connection) : null);
    }

    static ManagedIdentityCredential ManagedIdentity(StorageConnection connection) =>
        connection.ClientId is { } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
}
