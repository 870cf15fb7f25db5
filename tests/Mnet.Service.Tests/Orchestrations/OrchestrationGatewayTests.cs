using Microsoft.DurableTask.Client;
using Mnet.Service.Orchestrations;
using Mnet.Service.Tests.Support;
using Mnet.Workflows;

using Mnet.Service.Tests.Engine;

namespace Mnet.Service.Tests.Orchestrations;

/// <summary>
/// Port of tests/service/gateways.test.ts on the real engine: start when absent, report (never replace) a pending or
/// running instance, start again once it finished, a lost race reports the winner, and only "no such instance" is
/// absence: any other failure propagates.
/// </summary>
public sealed class OrchestrationGatewayTests : IAsyncLifetime
{
    readonly RunCounter counter = new();
    Mnet.Local.LocalEngine engine = null!;

    public async Task InitializeAsync() => engine = await StubWorkflows.StartAsync(counter);

    public async Task DisposeAsync() => await engine.DisposeAsync();

    static object Input(string ws) => new { workspaceId = ws, policy = new { name = "p" }, request = new { trigger = "http", ticketId = "T1" } };

    [Fact]
    public async Task Starts_when_absent_returns_the_running_instance_instead_of_a_second_start_and_starts_again_once_finished()
    {
        var gateway = new OrchestrationGateway(engine.Client);
        Assert.Null(await gateway.GetAsync("mnet-onboard-0000000000000001"));
        var first = await gateway.StartOrGetAsync(WorkflowNames.OnboardWorkspace, "mnet-onboard-0000000000000001", Input("a"));
        Assert.True(first.Started);
        var again = await gateway.StartOrGetAsync(WorkflowNames.OnboardWorkspace, "mnet-onboard-0000000000000001", Input("b"));
        Assert.False(again.Started);
        Assert.True(again.Existing!.IsActive);
        Assert.Equal("a", again.Existing.Input!["workspaceId"]!.GetValue<string>());
        var firstRun = again.Existing.RunId;
        await engine.Client.RaiseEventAsync("mnet-onboard-0000000000000001", WorkflowNames.ApprovalEvent, new { approved = true, approver = "x" });
        var done = await engine.Client.WaitForInstanceCompletionAsync("mnet-onboard-0000000000000001", true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var restarted = await gateway.StartOrGetAsync(WorkflowNames.OnboardWorkspace, "mnet-onboard-0000000000000001", Input("c"));
        Assert.True(restarted.Started);
        var second = await engine.Client.WaitForInstanceStartAsync("mnet-onboard-0000000000000001", true);
        Assert.NotEqual(firstRun, RunIds.Of(second.InstanceId, second.CreatedAt));
    }

    [Fact]
    public async Task Concurrent_starts_of_one_id_start_it_once_and_report_the_winner_to_the_others()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => new OrchestrationGateway(engine.Client).StartOrGetAsync(WorkflowNames.OnboardWorkspace, "mnet-onboard-0000000000000002", Input($"w{i}")))));
        Assert.Single(results, r => r.Started);
        await WaitForRunsAsync("mnet-onboard-0000000000000002", 1);
        await Task.Delay(300);
        Assert.Equal(1, counter.Runs["mnet-onboard-0000000000000002"]);
    }

    [Fact]
    public async Task Only_no_such_instance_is_absence_and_any_other_failure_propagates()
    {
        var fake = new FakeDurableClient { GetOverride = _ => throw new InvalidOperationException("HTTP 500 from the extension") };
        var gateway = new OrchestrationGateway(fake);
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.GetAsync("x"));
        // Not turned into "absent, so start a new one" either.
        await Assert.ThrowsAsync<InvalidOperationException>(() => gateway.StartOrGetAsync(WorkflowNames.OnboardWorkspace, "x", Input("a")));
        Assert.Empty(fake.Starts);
    }

    [Fact]
    public async Task A_start_failure_for_another_reason_propagates()
    {
        var fake = new FakeDurableClient { StartOverride = (_, _) => throw new InvalidOperationException("boom") };
        await Assert.ThrowsAsync<InvalidOperationException>(() => new OrchestrationGateway(fake).StartOrGetAsync(WorkflowNames.DriftScan, "mnet-drift-1", new { }));
    }

    [Fact]
    public async Task A_backend_without_dedupe_statuses_still_gets_one_start()
    {
        var fake = new FakeDurableClient { RefuseDedupeStatuses = true };
        var gateway = new OrchestrationGateway(fake);
        Assert.True((await gateway.StartOrGetAsync(WorkflowNames.OnboardWorkspace, "mnet-onboard-0000000000000003", Input("a"))).Started);
        Assert.False((await gateway.StartOrGetAsync(WorkflowNames.OnboardWorkspace, "mnet-onboard-0000000000000003", Input("b"))).Started);
        Assert.Single(fake.Starts);
    }

    async Task WaitForRunsAsync(string id, int runs)
    {
        for (int i = 0; i < 200 && counter.Runs.GetValueOrDefault(id) < runs; i++) await Task.Delay(50);
    }
}
