using Azure;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Mnet.Workflows.Stores;

/// <summary>
/// Documents as block blobs in one Azure Blob Storage container, named by their keys. In Azure the app reaches the
/// container with its managed identity (<see cref="ForContainer(Uri, TokenCredential, BlobClientOptions?)"/>);
/// locally a connection string (Azurite) does (<see cref="ForConnectionString"/>). <see cref="CreateAsync"/> sends
/// <c>If-None-Match: *</c>, so the service itself refuses a second writer. The container is created on the first
/// write that finds it missing.
/// </summary>
public sealed class BlobDocumentStore : IDocumentStore
{
    const string JsonContentType = "application/json; charset=utf-8";
    readonly BlobContainerClient container;

    public BlobDocumentStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        this.container = container;
    }

    /// <summary>
    /// Blobs listed per request: the service's maximum unless set lower (tests page with it). Null: the service's
    /// default (5,000).
    /// </summary>
    public int? ListPageSize { get; init; }

    /// <summary>The container's URL (never a key or a SAS: those are stripped).</summary>
    public string Location => new UriBuilder(container.Uri) { Query = string.Empty }.Uri.ToString();

    /// <summary>
    /// The container at <paramref name="containerUri"/> (https, no query: the identity is the credential, never a
    /// SAS), authenticated with <paramref name="credential"/> (the app's managed identity in Azure).
    /// </summary>
    /// <exception cref="ArgumentException">The URL is not https or carries a query.</exception>
    public static BlobDocumentStore ForContainer(Uri containerUri, TokenCredential credential, BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        ArgumentNullException.ThrowIfNull(credential);
        if (!containerUri.IsAbsoluteUri || containerUri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"The document container URL must be https: {containerUri}", nameof(containerUri));
        }

        if (!string.IsNullOrEmpty(containerUri.Query))
        {
            throw new ArgumentException(
                "The document container URL must not carry a query (no SAS: the app uses its identity)", nameof(containerUri));
        }

        return new BlobDocumentStore(new BlobContainerClient(containerUri, credential, options));
    }

    /// <summary>A container reached with a connection string (Azurite locally: <c>UseDevelopmentStorage=true</c>).</summary>
    public static BlobDocumentStore ForConnectionString(string connectionString, string containerName, BlobClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerName);
        return new BlobDocumentStore(new BlobContainerClient(connectionString, containerName, options));
    }

    public async Task PutAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        BlobClient blob = BlobOf(key);
        try
        {
            await UploadAsync(blob, json, conditions: null, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            throw DocumentStoreException.From(e, "write", key, Location);
        }
    }

    public async Task<bool> CreateAsync(string key, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        BlobClient blob = BlobOf(key);
        try
        {
            await UploadAsync(blob, json, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // 409 BlobAlreadyExists (or 412 ConditionNotMet): another writer created it first; it stays as it is.
            return false;
        }
        catch (RequestFailedException e)
        {
            throw DocumentStoreException.From(e, "create", key, Location);
        }
    }

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobClient blob = BlobOf(key);
        try
        {
            Response<BlobDownloadResult> response = await blob.DownloadContentAsync(cancellationToken);
            return response.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException e)
        {
            throw DocumentStoreException.From(e, "read", key, Location);
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        DocumentKeys.ValidatePrefix(prefix);
        var keys = new List<string>();
        try
        {
            var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
            await foreach (Page<BlobItem> page in container.GetBlobsAsync(options, cancellationToken).AsPages(pageSizeHint: ListPageSize))
            {
                keys.AddRange(page.Values.Select(item => item.Name));
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return [];
        }
        catch (RequestFailedException e)
        {
            throw DocumentStoreException.From(e, "list", prefix, Location);
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    BlobClient BlobOf(string key)
    {
        DocumentKeys.Validate(key);
        return container.GetBlobClient(key);
    }

    async Task UploadAsync(BlobClient blob, string json, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = JsonContentType },
            Conditions = conditions,
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromString(json), options, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await blob.UploadAsync(BinaryData.FromString(json), options, cancellationToken);
        }
    }
}
