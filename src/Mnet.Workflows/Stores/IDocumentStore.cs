namespace Mnet.Workflows.Stores;

/// <summary>
/// The durable store of the product's documents: the definitions a migration saves before it deletes anything, its
/// manifest, and drift reports. A flat map of slash-separated keys (<see cref="DocumentKeys"/>) to JSON texts.
/// Implementations: <see cref="FolderDocumentStore"/> (the CLI's default, local runs) and
/// <see cref="BlobDocumentStore"/> (Azure Blob Storage; Azurite locally).
/// </summary>
public interface IDocumentStore
{
    /// <summary>Where the documents are, for messages (a folder path or a container URL, never a secret).</summary>
    string Location { get; }

    /// <summary>Writes (or replaces) one document; a reader never sees it half-written.</summary>
    Task PutAsync(string key, string json, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one document only if the key is still free, atomically: of two writers exactly one wins. False when
    /// the key existed (nothing written). A migration manifest is written this way, so a redelivered run can never
    /// replace it.
    /// </summary>
    Task<bool> CreateAsync(string key, string json, CancellationToken cancellationToken = default);

    /// <summary>The document's JSON; null when the key does not exist.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every key starting with <paramref name="prefix"/> ("" for all), sorted ordinally.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
