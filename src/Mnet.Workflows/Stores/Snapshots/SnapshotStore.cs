using System.Text.Json;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Stores.Snapshots;

/// <summary>
/// A compute migration's documents in an <see cref="IDocumentStore"/>:
/// <code>
///   {workspaceKey}/{migrationId}/{kind}-{name}.json        one definition each (deployments: {endpoint}.{deployment})
///   {workspaceKey}/{migrationId}/manifest.json             what was saved, written last, create-only
///   {workspaceKey}/{migrationId}/recreated/{kind}-{name}.json   set before this migration creates that resource again
/// </code>
/// Activities and the CLI (resume, inspection) share this one layout, whatever the store.
/// </summary>
public sealed class SnapshotStore(IDocumentStore documents)
{
    const string ManifestName = "manifest.json";
    const string RecreatedFolder = "recreated";

    /// <summary>Where the documents are (a folder or a container URL), for messages.</summary>
    public string Location => documents.Location;

    /// <summary>A workspace's folder name: <see cref="WorkflowInstanceIds.WorkspaceKey"/> (ARM ids are case-insensitive and hold "/").</summary>
    public static string WorkspaceKey(string workspaceId) => WorkflowInstanceIds.WorkspaceKey(workspaceId);

    /// <summary>The folder of one migration's documents, ending in "/".</summary>
    public static string Prefix(string workspaceId, string migrationId)
    {
        ValidateMigrationId(migrationId);
        return $"{WorkspaceKey(workspaceId)}/{migrationId}/";
    }

    public static string SnapshotKey(string workspaceId, string migrationId, SnapshotKind kind, string name) =>
        $"{Prefix(workspaceId, migrationId)}{FileName(kind, name)}";

    public static string ManifestKey(string workspaceId, string migrationId) => $"{Prefix(workspaceId, migrationId)}{ManifestName}";

    public static string RecreatedKey(string workspaceId, string migrationId, SnapshotKind kind, string name) =>
        $"{Prefix(workspaceId, migrationId)}{RecreatedFolder}/{FileName(kind, name)}";

    /// <summary>A deployment's snapshot name. Endpoint and deployment names hold no ".", so the pair stays unambiguous.</summary>
    public static string DeploymentName(string endpoint, string deployment) => $"{endpoint}.{deployment}";

    /// <summary>A migration id names a folder: one key segment (letters, digits, ".", "_", "-").</summary>
    /// <exception cref="DocumentKeyException">It is not.</exception>
    public static void ValidateMigrationId(string migrationId)
    {
        ArgumentNullException.ThrowIfNull(migrationId);
        if (migrationId.Contains('/', StringComparison.Ordinal))
        {
            throw new DocumentKeyException(migrationId);
        }

        DocumentKeys.Validate(migrationId);
    }

    /// <summary>
    /// Saves one definition and reads it back: a snapshot that cannot be read as written is no snapshot, and nothing
    /// may be deleted on its strength. Returns its key.
    /// </summary>
    /// <exception cref="SnapshotInvalidException">It did not read back as written.</exception>
    public async Task<string> SaveAsync(SnapshotDocument snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        string key = SnapshotKey(snapshot.WorkspaceId, snapshot.MigrationId, snapshot.Kind, snapshot.Name);
        string json = StoreJson.Serialize(snapshot);
        await documents.PutAsync(key, json, cancellationToken);
        string? back = await documents.GetAsync(key, cancellationToken);
        if (!string.Equals(back, json, StringComparison.Ordinal))
        {
            throw new SnapshotInvalidException(key, back is null ? "could not be read back" : "read back different from what was written");
        }

        return key;
    }

    /// <exception cref="SnapshotMissingException">No document under <paramref name="key"/>.</exception>
    /// <exception cref="SnapshotInvalidException">The document is not a snapshot.</exception>
    public async Task<SnapshotDocument> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        string json = await documents.GetAsync(key, cancellationToken) ?? throw new SnapshotMissingException(key, Location);
        return Parse<SnapshotDocument>(key, json, "is not a snapshot");
    }

    public Task<SnapshotDocument> ReadAsync(
        string workspaceId, string migrationId, SnapshotKind kind, string name, CancellationToken cancellationToken = default) =>
        ReadAsync(SnapshotKey(workspaceId, migrationId, kind, name), cancellationToken);

    /// <summary>The migration's manifest; null when there is none (nothing was saved, or not completely).</summary>
    /// <exception cref="SnapshotInvalidException">The document there is not a migration manifest.</exception>
    public async Task<MigrationManifest?> ReadManifestAsync(
        string workspaceId, string migrationId, CancellationToken cancellationToken = default)
    {
        string key = ManifestKey(workspaceId, migrationId);
        string? json = await documents.GetAsync(key, cancellationToken);
        if (json is null)
        {
            return null;
        }

        MigrationManifest manifest = Parse<MigrationManifest>(key, json, "is not a migration manifest");
        return manifest.Version == MigrationManifest.CurrentVersion
            ? manifest
            : throw new SnapshotInvalidException(key, $"has manifest version {manifest.Version}, not {MigrationManifest.CurrentVersion}");
    }

    /// <summary>
    /// Writes the manifest create-only and returns the one stored: this one, or the one a concurrent (or earlier)
    /// run of the same migration wrote first, which always wins.
    /// </summary>
    public async Task<MigrationManifest> CreateManifestAsync(MigrationManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        string key = ManifestKey(manifest.WorkspaceId, manifest.MigrationId);
        if (await documents.CreateAsync(key, StoreJson.Serialize(manifest), cancellationToken))
        {
            return manifest;
        }

        return await ReadManifestAsync(manifest.WorkspaceId, manifest.MigrationId, cancellationToken)
            ?? throw new SnapshotInvalidException(key, "exists but could not be read");
    }

    /// <summary>
    /// Records, before the first create request, that this migration recreates the resource. A late duplicate delete
    /// reads it and leaves the resource alone. Idempotent (create-only: the first time stays).
    /// </summary>
    public async Task MarkRecreatedAsync(
        string workspaceId, string migrationId, SnapshotKind kind, string name, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        string key = RecreatedKey(workspaceId, migrationId, kind, name);
        await documents.CreateAsync(key, StoreJson.Serialize(new { kind, name, at }), cancellationToken);
    }

    /// <summary>True once <see cref="MarkRecreatedAsync"/> ran for the resource.</summary>
    public async Task<bool> WasRecreatedAsync(
        string workspaceId, string migrationId, SnapshotKind kind, string name, CancellationToken cancellationToken = default) =>
        await documents.GetAsync(RecreatedKey(workspaceId, migrationId, kind, name), cancellationToken) is not null;

    /// <summary>Every key of the migration (snapshots, manifest, recreate marks), sorted.</summary>
    public Task<IReadOnlyList<string>> ListAsync(string workspaceId, string migrationId, CancellationToken cancellationToken = default) =>
        documents.ListAsync(Prefix(workspaceId, migrationId), cancellationToken);

    static string FileName(SnapshotKind kind, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string file = $"{KindName(kind)}-{name}.json";
        DocumentKeys.Validate(file);
        return file;
    }

    static string KindName(SnapshotKind kind) => kind switch
    {
        SnapshotKind.Compute => "compute",
        SnapshotKind.Endpoint => "endpoint",
        SnapshotKind.Deployment => "deployment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a snapshot kind"),
    };

    static T Parse<T>(string key, string json, string problem)
    {
        try
        {
            return StoreJson.Deserialize<T>(json);
        }
        catch (JsonException e)
        {
            throw new SnapshotInvalidException(key, problem, e);
        }
    }
}
