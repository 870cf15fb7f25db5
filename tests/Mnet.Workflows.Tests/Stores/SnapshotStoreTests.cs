using System.Text.Json;
using Mnet.Core.Planning;
using Mnet.Workflows.Stores;
using Mnet.Workflows.Stores.Snapshots;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>A migration's layout in the store: keys, snapshot documents, the create-only manifest.</summary>
public sealed class SnapshotStoreTests : IDisposable
{
    const string Ws = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws1";
    static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    readonly string root = Directory.CreateTempSubdirectory("mnet-snap-").FullName;
    readonly FolderDocumentStore documents;
    readonly SnapshotStore snapshots;

    public SnapshotStoreTests()
    {
        documents = new FolderDocumentStore(root);
        snapshots = new SnapshotStore(documents);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task KeysManifestAndSnapshotDocumentsRoundTrip()
    {
        // TS file-snapshot-store: migration layout: keys, manifest and snapshot documents round-trip.
        string key = SnapshotStore.SnapshotKey(Ws, "mig1", SnapshotKind.Compute, "cpu-1");
        Assert.Matches("^[0-9a-f]{32}/mig1/compute-cpu-1\\.json$", key);
        Assert.Null(await snapshots.ReadManifestAsync(Ws, "mig1"));
        await Assert.ThrowsAsync<SnapshotMissingException>(() => snapshots.ReadAsync(key));

        Assert.Equal(key, await snapshots.SaveAsync(Snapshot(SnapshotKind.Compute, "cpu-1", """{"a":1}""")));
        MigrationManifest manifest = Manifest("mig1", [new ManifestCompute("cpu-1", "AmlCompute", key)]);
        Assert.Same(manifest, await snapshots.CreateManifestAsync(manifest));

        MigrationManifest? read = await snapshots.ReadManifestAsync(Ws, "mig1");
        Assert.NotNull(read);
        Assert.Equal(manifest.Computes, read.Computes);
        Assert.Equal(manifest with { Computes = read.Computes, OnlineEndpoints = read.OnlineEndpoints, Skipped = read.Skipped }, read);
        SnapshotDocument back = await snapshots.ReadAsync(key);
        Assert.Equal(1, back.Definition.GetProperty("a").GetInt32());
        Assert.Equal(SnapshotKind.Compute, back.Kind);
    }

    [Fact]
    public async Task ADocumentThatIsNotAManifestIsRefused_NotTakenForOne()
    {
        // TS file-snapshot-store (same case): a manifest key holding something else is "not a migration manifest".
        await documents.PutAsync(SnapshotStore.ManifestKey(Ws, "bad"), """{"hello":1}""");
        SnapshotInvalidException e = await Assert.ThrowsAsync<SnapshotInvalidException>(() => snapshots.ReadManifestAsync(Ws, "bad"));
        Assert.Contains("not a migration manifest", e.Message, StringComparison.Ordinal);

        await documents.PutAsync(SnapshotStore.SnapshotKey(Ws, "bad", SnapshotKind.Endpoint, "ep"), "[]");
        await Assert.ThrowsAsync<SnapshotInvalidException>(() => snapshots.ReadAsync(Ws, "bad", SnapshotKind.Endpoint, "ep"));
    }

    [Fact]
    public async Task TheManifestIsCreateOnly_TheFirstOneWinsAndIsReturnedToLaterWriters()
    {
        MigrationManifest first = Manifest("m2", [new ManifestCompute("cpu-1", "AmlCompute", "k1")]);
        MigrationManifest late = Manifest("m2", []);
        await snapshots.CreateManifestAsync(first);

        MigrationManifest returned = await snapshots.CreateManifestAsync(late);
        Assert.Equal(["cpu-1"], returned.Computes.Select(c => c.Name));
        Assert.Equal(["cpu-1"], (await snapshots.ReadManifestAsync(Ws, "m2"))!.Computes.Select(c => c.Name));
    }

    [Fact]
    public void TheWorkspaceKeyIgnoresCaseAndSurroundingSpace()
    {
        Assert.Equal(SnapshotStore.WorkspaceKey(Ws), SnapshotStore.WorkspaceKey("  " + Ws.ToUpperInvariant() + " "));
        Assert.NotEqual(SnapshotStore.WorkspaceKey(Ws), SnapshotStore.WorkspaceKey(Ws + "2"));
        Assert.Equal(
            $"{SnapshotStore.Prefix(Ws, "m")}deployment-ep-1.blue.json",
            SnapshotStore.SnapshotKey(Ws, "m", SnapshotKind.Deployment, SnapshotStore.DeploymentName("ep-1", "blue")));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("-x")]
    public void AMigrationIdMustBeOneKeySegment(string migrationId) =>
        Assert.Throws<DocumentKeyException>(() => SnapshotStore.Prefix(Ws, migrationId));

    [Fact]
    public async Task RecreateMarksAreRecordedOnce_PerResource()
    {
        Assert.False(await snapshots.WasRecreatedAsync(Ws, "m3", SnapshotKind.Compute, "cpu-1"));
        await snapshots.MarkRecreatedAsync(Ws, "m3", SnapshotKind.Compute, "cpu-1", Now);
        await snapshots.MarkRecreatedAsync(Ws, "m3", SnapshotKind.Compute, "cpu-1", Now.AddMinutes(1));
        Assert.True(await snapshots.WasRecreatedAsync(Ws, "m3", SnapshotKind.Compute, "cpu-1"));
        Assert.False(await snapshots.WasRecreatedAsync(Ws, "m3", SnapshotKind.Endpoint, "cpu-1"));
        Assert.Equal([SnapshotStore.RecreatedKey(Ws, "m3", SnapshotKind.Compute, "cpu-1")], await snapshots.ListAsync(Ws, "m3"));
    }

    static SnapshotDocument Snapshot(SnapshotKind kind, string name, string definition) => new()
    {
        Kind = kind,
        Name = name,
        WorkspaceId = Ws,
        MigrationId = "mig1",
        CapturedAt = Now,
        Definition = JsonDocument.Parse(definition).RootElement.Clone(),
    };

    static MigrationManifest Manifest(string migrationId, IReadOnlyList<ManifestCompute> computes) => new()
    {
        WorkspaceId = Ws,
        WorkspaceKey = SnapshotStore.WorkspaceKey(Ws),
        MigrationId = migrationId,
        CreatedAt = Now,
        Computes = computes,
        Skipped = [new ComputeLeftInPlace("aks", "Kubernetes", "not supported")],
    };
}
