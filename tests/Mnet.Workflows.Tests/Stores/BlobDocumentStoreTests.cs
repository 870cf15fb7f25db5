using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Mnet.TestSupport.Azurite;
using Mnet.Workflows.Stores;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>The Blob Storage store against Azurite (never mocked): the contract, plus what only Blob Storage shows.</summary>
[Collection(StoresAzuriteCollection.Name)]
public sealed class BlobDocumentStoreTests(AzuriteFixture azurite) : DocumentStoreContract
{
    protected override IDocumentStore NewStore() =>
        BlobDocumentStore.ForConnectionString(azurite.ConnectionString, StoresAzuriteCollection.NewContainerName());

    protected override IDocumentStore Reopen(IDocumentStore store) =>
        BlobDocumentStore.ForConnectionString(azurite.ConnectionString, ContainerOf(store));

    [Fact]
    public async Task PutWritesABlockBlobNamedByTheKey_AsJson()
    {
        // TS blob-snapshot-store: Put Blob carries the block-blob type (and the document goes where the key says).
        IDocumentStore store = NewStore();
        await store.PutAsync("ws/m1/compute-c1.json", """{"definition":{"name":"c1"}}""");

        BlobClient blob = Container(store).GetBlobClient("ws/m1/compute-c1.json");
        BlobProperties properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(BlobType.Block, properties.BlobType);
        Assert.StartsWith("application/json", properties.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"definition":{"name":"c1"}}""", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task ListFollowsTheContinuationAcrossPages_AndFiltersByPrefix()
    {
        // TS blob-snapshot-store: list follows NextMarker across pages and filters by prefix.
        string container = StoresAzuriteCollection.NewContainerName();
        var store = new BlobDocumentStore(new BlobContainerClient(azurite.ConnectionString, container)) { ListPageSize = 2 };
        string[] keys = ["w/m/compute-a.json", "w/m/compute-b.json", "w/m/endpoint-e.json", "w/m/manifest.json", "w/m/deployment-e.d.json", "x/other.json"];
        foreach (string key in keys)
        {
            await store.PutAsync(key, "{}");
        }

        Assert.Equal(
            ["w/m/compute-a.json", "w/m/compute-b.json", "w/m/deployment-e.d.json", "w/m/endpoint-e.json", "w/m/manifest.json"],
            await store.ListAsync("w/m/"));
        Assert.Equal(6, (await store.ListAsync("")).Count);
    }

    [Fact]
    public async Task ARefusedRequestThrowsWithStatusAndCode_NeverASilentSuccess()
    {
        // TS blob-snapshot-store: a refused request throws with status and code. Here: a wrong account key.
        string wrongKey = azurite.ConnectionString.Replace(
            "AccountKey=Eby8", "AccountKey=AAAA", StringComparison.Ordinal);
        Assert.NotEqual(azurite.ConnectionString, wrongKey);
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        IDocumentStore store = BlobDocumentStore.ForConnectionString(wrongKey, StoresAzuriteCollection.NewContainerName(), options);

        DocumentStoreException put = await Assert.ThrowsAsync<DocumentStoreException>(() => store.PutAsync("a/b.json", "{}"));
        Assert.Equal(403, put.Status);
        Assert.Equal("AuthorizationFailure", put.ErrorCode);
        Assert.Contains("a/b.json", put.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DocumentStoreException>(() => store.GetAsync("a/b.json"));
        await Assert.ThrowsAsync<DocumentStoreException>(() => store.CreateAsync("a/b.json", "{}"));
    }

    [Theory]
    [InlineData("http://acct.blob.core.windows.net/snapshots", "https")]
    [InlineData("https://acct.blob.core.windows.net/snapshots?sv=1&sig=x", "SAS")]
    public void AContainerUrlMustBeHttpsWithoutAQuery(string url, string named)
    {
        // TS blob-snapshot-store: refuses http URLs and SAS query strings.
        ArgumentException e = Assert.Throws<ArgumentException>(
            () => BlobDocumentStore.ForContainer(new Uri(url), new RecordingCredential()));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAnIdentity_TheCredentialIsAskedForAStorageToken()
    {
        // TS blob-snapshot-store: requests carry a bearer token for Storage. No service answers on this port: the
        // token is asked for before the request is sent, then the connection fails (a store error, never a success).
        var credential = new RecordingCredential();
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        int closedPort = Mnet.TestSupport.Network.FreePorts.Take(1)[0];
        IDocumentStore store = BlobDocumentStore.ForContainer(
            new Uri($"https://127.0.0.1:{closedPort}/devstoreaccount1/snapshots"), credential, options);

        await Assert.ThrowsAsync<DocumentStoreException>(() => store.GetAsync("a/b.json"));
        Assert.Contains("https://storage.azure.com/.default", credential.Scopes);
    }

    [Fact]
    public async Task AMissingContainerReadsEmpty_AndIsCreatedByTheFirstWrite()
    {
        IDocumentStore store = NewStore();
        Assert.False(await Container(store).ExistsAsync());
        Assert.Empty(await store.ListAsync(""));
        Assert.Null(await store.GetAsync("a/b.json"));

        Assert.True(await store.CreateAsync("a/manifest.json", "{}"));
        Assert.True(await Container(store).ExistsAsync());

        IDocumentStore other = NewStore();
        await other.PutAsync("a/b.json", "{}");
        Assert.Equal(["a/b.json"], await other.ListAsync(""));
    }

    [Fact]
    public void TheLocationIsTheContainerUrl()
    {
        IDocumentStore store = NewStore();
        Assert.Equal(Container(store).Uri.ToString(), store.Location);
        Assert.DoesNotContain("AccountKey", store.Location, StringComparison.Ordinal);
    }

    BlobContainerClient Container(IDocumentStore store) => new(azurite.ConnectionString, ContainerOf(store));

    static string ContainerOf(IDocumentStore store) => new Uri(store.Location).Segments[^1].TrimEnd('/');
}
