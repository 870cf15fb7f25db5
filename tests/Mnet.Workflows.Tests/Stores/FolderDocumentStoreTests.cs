using Mnet.Workflows.Stores;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>The folder store: the contract over a temp folder, plus what only files show.</summary>
public sealed class FolderDocumentStoreTests : DocumentStoreContract, IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("mnet-docs-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    protected override IDocumentStore NewStore() => new FolderDocumentStore(Path.Combine(root, Guid.NewGuid().ToString("N")));

    protected override IDocumentStore Reopen(IDocumentStore store) => new FolderDocumentStore(((FolderDocumentStore)store).Folder);

    [Fact]
    public async Task WritesLeaveNoTemporaryFileBehind()
    {
        // TS file-snapshot-store: no temporary files left behind (after puts, and after a refused create).
        var store = (FolderDocumentStore)NewStore();
        await store.PutAsync("a/m1/compute-c1.json", "{}");
        await store.PutAsync("a/m1/compute-c1.json", "{}");
        await store.PutAsync("a/m1/compute-c2.json", "{}");
        Assert.True(await store.CreateAsync("a/m1/manifest.json", "{}"));
        Assert.False(await store.CreateAsync("a/m1/manifest.json", "{}"));

        string[] files = Directory.GetFiles(Path.Combine(store.Folder, "a", "m1")).Select(Path.GetFileName).Order().ToArray()!;
        Assert.Equal(["compute-c1.json", "compute-c2.json", "manifest.json"], files);
    }

    [Fact]
    public async Task AFolderThatDoesNotExistListsNothingAndIsCreatedOnTheFirstWrite()
    {
        string folder = Path.Combine(root, "missing", "deeper");
        var store = new FolderDocumentStore(folder);
        Assert.Empty(await store.ListAsync(""));
        Assert.Null(await store.GetAsync("k/v.json"));
        await store.PutAsync("k/v.json", "{}");
        Assert.True(File.Exists(Path.Combine(folder, "k", "v.json")));
    }

    [Fact]
    public async Task AnInterruptedWritesTemporaryFileIsNeverListedOrRead()
    {
        // A crash between writing the temporary file and moving it leaves only the temporary file: not a document.
        var store = (FolderDocumentStore)NewStore();
        Directory.CreateDirectory(Path.Combine(store.Folder, "w"));
        await File.WriteAllTextAsync(Path.Combine(store.Folder, "w", $"manifest.json.{Guid.NewGuid():N}.tmp"), "{\"trunc");
        Assert.Empty(await store.ListAsync(""));
        Assert.Null(await store.GetAsync("w/manifest.json"));
        Assert.True(await store.CreateAsync("w/manifest.json", "{}"));
    }

    [Fact]
    public void TheFolderIsMadeAbsolute_AndABlankOneIsRefused()
    {
        Assert.True(Path.IsPathRooted(new FolderDocumentStore("relative/docs").Folder));
        Assert.Throws<ArgumentException>(() => new FolderDocumentStore("  "));
    }
}
