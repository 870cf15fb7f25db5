using Mnet.Workflows.Stores;

namespace Mnet.Workflows.Tests.Stores;

/// <summary>
/// What every <see cref="IDocumentStore"/> promises, run against each implementation (a temp folder; Azurite):
/// the TypeScript file- and blob-store cases that are about the contract rather than one transport.
/// </summary>
public abstract class DocumentStoreContract
{
    /// <summary>A store with nothing in it.</summary>
    protected abstract IDocumentStore NewStore();

    /// <summary>A second instance over the same documents (what a restarted process would open).</summary>
    protected abstract IDocumentStore Reopen(IDocumentStore store);

    [Fact]
    public async Task PutGetOverwriteAndListByPrefix()
    {
        // TS file-snapshot-store: put, get, overwrite, list by prefix; missing key is undefined.
        IDocumentStore store = NewStore();
        await store.PutAsync("a/m1/compute-c1.json", """{"v":1}""");
        await store.PutAsync("a/m1/compute-c2.json", """{"v":2}""");
        await store.PutAsync("a/m2/compute-c1.json", """{"v":3}""");
        await store.PutAsync("a/m1/compute-c1.json", """{"v":4}""");

        Assert.Equal("""{"v":4}""", await store.GetAsync("a/m1/compute-c1.json"));
        Assert.Null(await store.GetAsync("a/m1/nothing.json"));
        Assert.Equal(["a/m1/compute-c1.json", "a/m1/compute-c2.json"], await store.ListAsync("a/m1/"));
        Assert.Equal(["a/m1/compute-c1.json", "a/m1/compute-c2.json", "a/m2/compute-c1.json"], await store.ListAsync(""));
    }

    [Fact]
    public async Task GetOfAMissingKeyIsNull()
    {
        // TS blob-snapshot-store: get returns the document, or undefined on 404.
        IDocumentStore store = NewStore();
        Assert.Null(await store.GetAsync("a/b.json"));
        await store.PutAsync("a/b.json", "[1,2]");
        Assert.Equal("[1,2]", await store.GetAsync("a/b.json"));
        Assert.Null(await store.GetAsync("a/missing.json"));
        Assert.Empty(await store.ListAsync("x/"));
    }

    [Fact]
    public async Task AFreshInstanceReadsWhatAnEarlierOneWrote()
    {
        // TS file-snapshot-store: a fresh instance on the same directory reads what an earlier one wrote.
        IDocumentStore first = NewStore();
        await first.PutAsync("k/v.json", """{"kept":true}""");
        IDocumentStore second = Reopen(first);
        Assert.Equal("""{"kept":true}""", await second.GetAsync("k/v.json"));
        Assert.Equal(["k/v.json"], await second.ListAsync("k/"));
    }

    [Theory]
    [InlineData("../x.json")]
    [InlineData("a/../../x.json")]
    [InlineData("/abs.json")]
    [InlineData("a//b.json")]
    [InlineData("a\\b.json")]
    [InlineData("")]
    [InlineData("a/.hidden")]
    [InlineData("a/b..json")]
    public async Task KeysThatCouldEscapeOrMeanTwoThingsAreRefused(string key)
    {
        // TS file-snapshot-store: keys that could escape the directory are refused.
        IDocumentStore store = NewStore();
        await Assert.ThrowsAsync<DocumentKeyException>(() => store.PutAsync(key, "{}"));
        await Assert.ThrowsAsync<DocumentKeyException>(() => store.CreateAsync(key, "{}"));
        await Assert.ThrowsAsync<DocumentKeyException>(() => store.GetAsync(key));
        Assert.Empty(await store.ListAsync(""));
    }

    [Fact]
    public async Task CreateIsCreateOnly_TheFirstWriterWinsAndASecondChangesNothing()
    {
        // TS file-snapshot-store + blob-snapshot-store: putIfAbsent, the first writer wins, a second write changes nothing.
        IDocumentStore store = NewStore();
        bool[] results = await Task.WhenAll(
            store.CreateAsync("ws/m1/manifest.json", """{"computes":["cpu-1"]}"""),
            store.CreateAsync("ws/m1/manifest.json", """{"computes":[]}"""));
        Assert.Single(results, r => r);
        string winner = results[0] ? """{"computes":["cpu-1"]}""" : """{"computes":[]}""";

        Assert.False(await store.CreateAsync("ws/m1/manifest.json", """{"computes":["other"]}"""));
        Assert.Equal(winner, await store.GetAsync("ws/m1/manifest.json"));
        Assert.Equal(["ws/m1/manifest.json"], await store.ListAsync("ws/"));
    }

    [Fact]
    public async Task ManyConcurrentCreatesOfOneKey_ExactlyOneSucceeds()
    {
        IDocumentStore store = NewStore();
        bool[] results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(i => store.CreateAsync("race/manifest.json", $$"""{"writer":{{i}}}""")));
        int winner = Array.IndexOf(results, true);
        Assert.Equal(1, results.Count(r => r));
        Assert.Equal($$"""{"writer":{{winner}}}""", await store.GetAsync("race/manifest.json"));
    }

    [Fact]
    public async Task ListReturnsKeysExactlyAsWritten_SortedOrdinally()
    {
        // TS blob-snapshot-store: List Blobs parsing gives names back unescaped (here: dots, dashes, underscores, case).
        IDocumentStore store = NewStore();
        string[] keys = ["w/m/deployment-e.d.json", "w/m/compute-a.json", "w/m/Compute_B.json", "w/m/manifest.json", "x/other.json"];
        foreach (string key in keys)
        {
            await store.PutAsync(key, "{}");
        }

        Assert.Equal(
            ["w/m/Compute_B.json", "w/m/compute-a.json", "w/m/deployment-e.d.json", "w/m/manifest.json"],
            await store.ListAsync("w/m/"));
        Assert.Equal(["x/other.json"], await store.ListAsync("x"));
    }

    [Fact]
    public async Task JsonTextIsKeptExactly_UnicodeIncluded()
    {
        IDocumentStore store = NewStore();
        const string json = "{\n  \"description\": \"clúster ✓ \\u0000\",\n  \"n\": 1\n}\n";
        await store.PutAsync("u/doc.json", json);
        Assert.True(await store.CreateAsync("u/created.json", json));
        Assert.Equal(json, await store.GetAsync("u/doc.json"));
        Assert.Equal(json, await store.GetAsync("u/created.json"));
    }
}
