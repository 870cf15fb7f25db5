namespace Mnet.Service.Configuration;

/// <summary>
/// A Functions-style storage connection named <see cref="Name"/>: either a connection string (local runs:
/// <c>UseDevelopmentStorage=true</c>) or identity-based parts (<c>{Name}__accountName</c>,
/// <c>{Name}__queueServiceUri</c>, ..., <c>{Name}__credential</c>, <c>{Name}__clientId</c>).
/// </summary>
public sealed record StorageConnection
{
    public const string AccountNamePart = "accountName";
    public const string BlobServiceUriPart = "blobServiceUri";
    public const string QueueServiceUriPart = "queueServiceUri";
    public const string TableServiceUriPart = "tableServiceUri";
    public const string CredentialPart = "credential";
    public const string ClientIdPart = "clientId";

    /// <summary>The only credential value identity-based connections take in Azure.</summary>
    public const string ManagedIdentityCredential = "managedidentity";

    public required string Name { get; init; }

    /// <summary>The plain connection string; null when the connection is identity-based.</summary>
    public string? ConnectionString { get; init; }

    public string? AccountName { get; init; }
    public Uri? BlobServiceUri { get; init; }
    public Uri? QueueServiceUri { get; init; }
    public Uri? TableServiceUri { get; init; }

    /// <summary><c>managedidentity</c> in Azure; null lets DefaultAzureCredential choose (developer machines).</summary>
    public string? Credential { get; init; }

    /// <summary>Client id of the user-assigned identity; null for a system-assigned identity or a developer login.</summary>
    public string? ClientId { get; init; }

    public bool IsIdentityBased => ConnectionString is null;

    /// <summary>The connection as the settings define it (the plain value wins when both forms are present).</summary>
    internal static StorageConnection From(string name, Func<string, string?> lookup)
    {
        Uri? UriPart(string part) =>
            lookup(SettingNames.Part(name, part)) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
        return new StorageConnection
        {
            Name = name,
            ConnectionString = lookup(name),
            AccountName = lookup(SettingNames.Part(name, AccountNamePart)),
            BlobServiceUri = UriPart(BlobServiceUriPart),
            QueueServiceUri = UriPart(QueueServiceUriPart),
            TableServiceUri = UriPart(TableServiceUriPart),
            Credential = lookup(SettingNames.Part(name, CredentialPart)),
            ClientId = lookup(SettingNames.Part(name, ClientIdPart)),
        };
    }
}
