using System.Collections.Concurrent;
using Mnet.Arm.Tests.Support;
using static Mnet.Arm.Tests.Support.FakeArmHarness;

namespace Mnet.Arm.Tests;

/// <summary>From tests/arm/request-budget.test.ts: the budget as the client applies it, attempt by attempt.</summary>
public sealed class ArmClientRequestBudgetTests
{
    private static readonly object WorkspaceBody = new { id = Ws, name = "ws1", location = "westeurope", properties = new { } };

    [Fact]
    public async Task Through_the_client_concurrent_reads_on_one_subscription_are_held_to_requestsPerSecond()
    {
        var time = new SteppingTimeProvider();
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        await using var h = await StartAsync(
            (_, _) =>
            {
                arrivals.Enqueue(time.GetUtcNow());
                return new FakeResponse(200, WorkspaceBody);
            },
            options => options with { RequestsPerSecond = 4, WritesPerSecond = 2 },
            time);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => h.Client.GetWorkspaceAsync(Ws)));
        // The budget made callers wait: 4 per guarded window, a spacing apart.
        Assert.True(h.Time.Delays.Count(d => d > TimeSpan.Zero) >= 2, string.Join(",", h.Time.DelayMs));
        Assert.Equal(6, arrivals.Count);
    }

    [Fact]
    public async Task Every_retry_attempt_is_booked_again_against_the_request_ceiling()
    {
        var count = 0;
        await using var h = await StartAsync(
            (_, _) => Interlocked.Increment(ref count) <= 2
                ? new FakeResponse(503, new { error = new { code = "Busy", message = "busy" } }, new Dictionary<string, string> { ["retry-after-ms"] = "1" })
                : new FakeResponse(200, WorkspaceBody),
            options => options with { RequestsPerSecond = 1 });
        await h.Client.GetWorkspaceAsync(Ws);
        // Two 1-ms Retry-After waits, each followed by a wait for the next place in the 1/s budget.
        Assert.Equal([1L, 1049L, 1L, 1049L], h.Time.DelayMs);
    }
}
