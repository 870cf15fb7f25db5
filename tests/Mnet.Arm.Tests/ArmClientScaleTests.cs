using System.Text.Json.Nodes;
using Mnet.Arm.Models;
using Mnet.Arm.Tests.Support;
using Mnet.Emulator.Scenarios;

namespace Mnet.Arm.Tests;

/// <summary>Port of tests/arm/client-scale.test.ts: 2500 workspaces over 50 subscriptions in the emulator.</summary>
public sealed class ArmClientScaleTests : IAsyncLifetime
{
    private const int Count = 2500;
    private static readonly string[] Subs =
        Enumerable.Range(0, ScaleScenario.Subscriptions).Select(ScaleScenario.SubscriptionId).ToArray();
    private EmulatorHarness _h = null!;

    // Small list pages so that nextLink paging is exercised too.
    public async Task InitializeAsync() =>
        _h = await EmulatorHarness.StartAsync($"scale:{Count}", emulator: o => o with { PageSize = 20 });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Resource_Graph_returns_every_workspace_across_50_subscriptions_batched_and_paged_with_skipToken()
    {
        var before = _h.LastSeq;
        var rows = await _h.Client.QueryResourceGraphAsync<JsonObject>(
            "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project id, subscriptionId, properties | order by id asc",
            Subs,
            new ResourceGraphOptions { SubscriptionsPerRequest = 20, PageSize = 300 });
        Assert.Equal(Count, rows.Count);
        Assert.Equal(Count, rows.Select(r => r["id"]!.GetValue<string>().ToLowerInvariant()).Distinct().Count()); // no row twice
        Assert.Equal(ScaleScenario.Subscriptions, rows.Select(r => r["subscriptionId"]!.GetValue<string>()).Distinct().Count());
        var sent = _h.Since(before);
        // 20 + 20 + 10 subscriptions = 1000 + 1000 + 500 rows, in pages of 300: 4 + 4 + 2 requests.
        Assert.Equal(10, sent.Count);
        Assert.Equal([20, 20, 20, 20, 20, 20, 20, 20, 10, 10], sent.Select(r => r.Body!["subscriptions"]!.AsArray().Count));
        Assert.All(sent, r => Assert.Equal("POST", r.Method));
    }

    [Fact]
    public async Task Listing_one_subscription_follows_nextLink_to_the_last_page()
    {
        var before = _h.LastSeq;
        var all = await _h.Client.ListWorkspacesAsync(Subs[0]);
        Assert.Equal(Count / ScaleScenario.Subscriptions, all.Count);
        Assert.Equal(3, _h.Since(before).Count); // 50 workspaces in pages of 20
        Assert.Equal(all.Count, all.Select(w => w.Id).Distinct().Count());
    }
}
