using System.Text.Json.Nodes;
using Mnet.Emulator.Scenarios;
using Mnet.Emulator.Tests.Support;

namespace Mnet.Emulator.Tests.ResourceGraph;

/// <summary>The TS resource-graph.test.ts cases, over the scale:2000 scenario (seed 7), one emulator for the class.</summary>
public sealed class ResourceGraphTests(ResourceGraphTests.ScaleFixture fixture) : IClassFixture<ResourceGraphTests.ScaleFixture>
{
    private const string Arg = "/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01";
    private const string Base = "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project id, name, " +
        "type, kind, location, resourceGroup, subscriptionId, tags, identity, properties | order by id asc";

    private TestEmulator Emu => fixture.Emulator!;

    private Task<RawResponse> Query(object body) => Emu.Post(Arg, body);

    [Fact]
    public async Task PagesThroughEverySeededWorkspace_WithTopAndSkipToken_StableOrderById_FullRows()
    {
        var subs = Enumerable.Range(0, 50).Select(ScaleScenario.SubscriptionId).ToArray();
        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var options = new JsonObject { ["$top"] = 500, ["resultFormat"] = "objectArray" };
            if (token is not null)
            {
                options["$skipToken"] = token;
            }

            var res = await Query(new JsonObject { ["subscriptions"] = new JsonArray([.. subs.Select(s => (JsonNode?)s)]), ["query"] = Base, ["options"] = options });
            Assert.True(res.Status == 200, res.Text);
            Assert.Equal(2000, res.At("totalRecords")!.GetValue<int>());
            Assert.Equal("false", Json.Str(res.Body, "resultTruncated"));
            var data = res.Body!["data"]!.AsArray();
            Assert.Equal(data.Count, res.At("count")!.GetValue<int>());
            ids.AddRange(data.Select(r => Json.Str(r, "id")!));
            token = Json.Str(res.Body, "$skipToken");
            pages++;
        }
        while (token is not null);

        Assert.Equal(4, pages);
        Assert.Equal(2000, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var first = await Query(new { subscriptions = subs, query = Base, options = new Dictionary<string, object> { ["$top"] = 1 } });
        var row = first.Body!["data"]![0]!.AsObject();
        Assert.Equal(["id", "name", "type", "kind", "location", "resourceGroup", "subscriptionId", "tags", "identity", "properties"],
            row.Select(kv => kv.Key));
        Assert.Equal("microsoft.machinelearningservices/workspaces", Json.Str(row, "type"));
        Assert.NotNull(Json.Str(row, "properties.managedNetwork.isolationMode"));
        Assert.NotNull(Json.Str(row, "identity.principalId"));
    }

    [Fact]
    public async Task WhereInAndInTilde_Filter_RequestSubscriptionsScopeTheData()
    {
        var s1 = ScaleScenario.SubscriptionId(0);
        var s2 = ScaleScenario.SubscriptionId(1);
        var query = "resources | where type =~ 'microsoft.machinelearningservices/workspaces' " +
            $"| where subscriptionId in ('{s1}', '{s2}') and resourceGroup in~ ('RG-0', 'rg-1') " +
            "| project id, name, resourceGroup, subscriptionId | order by id asc";
        var res = await Query(new { subscriptions = new[] { s1, s2, ScaleScenario.SubscriptionId(2) }, query,
            options = new Dictionary<string, object> { ["$top"] = 1000 } });
        var data = res.Body!["data"]!.AsArray();

        Assert.NotEmpty(data);
        Assert.All(data, r =>
        {
            Assert.Contains(Json.Str(r, "subscriptionId"), new[] { s1, s2 });
            Assert.Contains(Json.Str(r, "resourceGroup"), new[] { "rg-0", "rg-1" });
        });
        var expected = Emu.Emulator.State.Read(s => s.Workspaces.Values.Count(w =>
            (w.SubscriptionId == s1 || w.SubscriptionId == s2) && w.ResourceGroup is "rg-0" or "rg-1"));
        Assert.Equal(expected, data.Count);
        var scoped = await Query(new { subscriptions = new[] { s1 }, query = Base, options = new Dictionary<string, object> { ["$top"] = 1000 } });
        Assert.Equal(40, scoped.At("totalRecords")!.GetValue<int>());
    }

    [Fact]
    public async Task NestedPropertyFilters_ProjectionAliases_Limit_DescOrder_TableFormat()
    {
        const string query = "resources | where type =~ 'microsoft.machinelearningservices/workspaces' " +
            "| where properties.managedNetwork.isolationMode == 'AllowOnlyApprovedOutbound' " +
            "| project id, mode = properties.managedNetwork.isolationMode | order by id desc | limit 5";
        var res = await Query(new { query, options = new { resultFormat = "objectArray" } });
        var data = res.Body!["data"]!.AsArray();

        Assert.Equal(5, data.Count);
        Assert.All(data, r => Assert.Equal("AllowOnlyApprovedOutbound", Json.Str(r, "mode")));
        var ids = data.Select(r => Json.Str(r, "id")!).ToList();
        Assert.Equal(ids.OrderDescending(StringComparer.Ordinal), ids);
        var table = await Query(new { query, options = new { resultFormat = "table" } });
        Assert.Equal(["id", "mode"], table.At("data.columns")!.AsArray().Select(c => Json.Str(c, "name")));
        Assert.Equal(5, table.At("data.rows")!.AsArray().Count);
    }

    [Theory]
    [InlineData("resources | summarize count() by type")]
    [InlineData("resources | where type =~ 'x' or name == 'y'")]
    [InlineData("securityresources | where type =~ 'x'")]
    [InlineData("resources | where type =~ 'unterminated")]
    [InlineData("")]
    public async Task UnsupportedQueries_Are400BadRequest_WithAnInvalidQueryDetail(string query)
    {
        var res = await Query(new { query });

        Assert.Equal(400, res.Status);
        Assert.Equal("BadRequest", res.ErrorCode);
        Assert.Equal("InvalidQuery", Json.Str(res.At("error.details")!.AsArray()[0], "code"));
    }

    [Fact]
    public async Task BadOptions_And_UnpublishedApiVersion_Are400()
    {
        Assert.Equal(400, (await Query(new { query = Base, options = new Dictionary<string, object> { ["$top"] = 5000 } })).Status);
        Assert.Equal(400, (await Query(new { query = Base, options = new Dictionary<string, object> { ["$skipToken"] = "garbage" } })).Status);
        var otherQuery = await Query(new { query = Base, options = new Dictionary<string, object> { ["$top"] = 1 } });
        var foreignToken = Json.Str(otherQuery.Body, "$skipToken");
        Assert.Equal(400, (await Query(new { query = Base + " | limit 10",
            options = new Dictionary<string, object> { ["$skipToken"] = foreignToken! } })).Status);
        // ARG publishes 2019-04-01 (accepted); 2017-01-01 never existed.
        Assert.Equal(400, (await Emu.Post("/providers/Microsoft.ResourceGraph/resources?api-version=2017-01-01", new { query = Base })).Status);
    }

    /// <summary>One scale:2000 emulator for the class (seeding 2,000 workspaces per test would dominate the run).</summary>
    public sealed class ScaleFixture : IAsyncLifetime
    {
        public TestEmulator? Emulator { get; private set; }

        public async Task InitializeAsync() =>
            Emulator = await TestEmulator.StartAsync(new EmulatorOptions { Scenario = "scale:2000", Seed = 7 });

        public async Task DisposeAsync()
        {
            if (Emulator is not null)
            {
                await Emulator.DisposeAsync();
            }
        }
    }
}
