using Microsoft.DurableTask.Client;
using Mnet.Emulator;
using Mnet.Emulator.Faults;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>Port of tests/durable/orchestrations/provision-network.test.ts.</summary>
public sealed class ProvisionNetworkTests
{
    const string Ws = DemoWorkspaces.ResearchInternetUnprovisioned;

    static ProvisionNetworkInput Input(WorkflowRig rig, int timeoutMinutes, bool spark = false, string workspaceId = Ws, bool alreadyStarted = false) => new()
    {
        WorkspaceId = workspaceId, IncludeSpark = spark, TimeoutMinutes = timeoutMinutes, AlreadyStarted = alreadyStarted, Timings = rig.Timings,
    };

    static int ProvisionRequests(WorkflowRig rig) =>
        rig.RequestsSince().Count(r => r.Method == "POST" && r.Path.EndsWith("/provisionManagedNetwork", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task A_realistic_30_minute_provisioning_polls_at_growing_intervals_sends_one_request_and_ends_Active()
    {
        await using var rig = await DemoRig.StartAsync();
        var start = rig.Clock.GetUtcNow();

        var output = await rig.RunAsync<ProvisionNetworkInput, ProvisionNetworkOutput>(WorkflowNames.ProvisionNetwork, Input(rig, 45));

        Assert.Equal("Active", output.Status);
        double elapsed = (rig.Clock.GetUtcNow() - start).TotalMinutes;
        // The emulated clock runs 600x real time: a loaded machine's scheduling delays show as emulated minutes.
        Assert.InRange(elapsed, 30, 36);
        Assert.Equal(1, ProvisionRequests(rig));
        Assert.Equal("Active", (await rig.Arm.GetWorkspaceAsync(Ws)).Properties.ManagedNetwork?.Status?.Status);
        // 15 s, 30 s, then every minute: about 30 checks over 30 minutes (15 s flat would be 120, no cap far fewer).
        Assert.InRange(output.Polls, 20, 36);
    }

    [Fact]
    public async Task A_provisioning_that_never_finishes_fails_at_the_timeout_saying_what_was_and_was_not_done()
    {
        await using var rig = await DemoRig.StartAsync();
        rig.Emulator.Faults.Add(new FaultSpec(new LroNeverFinishFault(), Path: "provisionManagedNetwork", Method: "POST"));
        var start = rig.Clock.GetUtcNow();

        var state = await rig.WaitAsync(await rig.StartAsync(WorkflowNames.ProvisionNetwork, Input(rig, 40)));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        string message = state.FailureDetails!.ErrorMessage;
        Assert.Contains("[ProvisioningTimedOut]", message);
        Assert.Contains("Done: provisioning was requested", message);
        Assert.Contains("Not done: the network is not provisioned", message);
        var status = WorkflowRig.StatusOf(state)!;
        Assert.Equal(OrchestrationPhase.Failed, status.Phase);
        Assert.Matches("not Active after 4[0-5] minutes", status.Message);
        Assert.InRange((rig.Clock.GetUtcNow() - start).TotalMinutes, 40, 46);
        Assert.Equal(1, ProvisionRequests(rig));
    }

    [Fact]
    public async Task A_failed_provisioning_operation_ends_the_wait_at_once_with_the_service_error()
    {
        await using var rig = await DemoRig.StartAsync(new()
        {
            Durations = new LroDurations { ProvisionManagedNetwork = TimeSpan.FromMinutes(5) },
        });
        rig.Emulator.Faults.Add(new FaultSpec(new LroFailFault("SubnetExhausted", "no room left"), Path: "provisionManagedNetwork", Method: "POST"));

        var state = await rig.WaitAsync(await rig.StartAsync(WorkflowNames.ProvisionNetwork, Input(rig, 45)));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Matches("\\[ProvisioningFailed\\].*SubnetExhausted", state.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task Spark_waits_for_sparkReady_as_well_and_the_request_asks_for_it()
    {
        await using var rig = await DemoRig.StartAsync(new()
        {
            Durations = new LroDurations { ProvisionManagedNetwork = TimeSpan.FromMinutes(10) },
        });
        // Spark needs the workspace's public network access disabled.
        await rig.Arm.PatchWorkspaceNetworkAsync(Ws, new Core.Resources.WorkspaceNetworkPatch { Properties = new() { PublicNetworkAccess = "Disabled" } });

        var output = await rig.RunAsync<ProvisionNetworkInput, ProvisionNetworkOutput>(WorkflowNames.ProvisionNetwork, Input(rig, 45, spark: true));

        Assert.True(output.SparkReady);
        var post = rig.RequestsSince().First(r => r.Method == "POST" && r.Path.EndsWith("/provisionManagedNetwork", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("{\"includeSpark\":true}", post.Body?.ToJsonString());
    }

    [Fact]
    public async Task Very_long_waits_continue_as_new_and_keep_the_deadline()
    {
        await using var rig = await DemoRig.StartAsync(new() { Scale = 3000 });
        rig.Emulator.Faults.Add(new FaultSpec(new LroNeverFinishFault(), Path: "provisionManagedNetwork", Method: "POST"));
        var start = rig.Clock.GetUtcNow();
        var input = Input(rig, 300) with { Timings = rig.Timings with { PollsPerGeneration = 10 } };

        var state = await rig.WaitAsync(await rig.StartAsync(WorkflowNames.ProvisionNetwork, input));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        // Minutes as the orchestration measured them (the emulator's clock runs on while the test looks).
        var minutes = System.Text.RegularExpressions.Regex.Match(state.FailureDetails!.ErrorMessage, "not Active after (\\d+) minutes");
        Assert.True(minutes.Success, state.FailureDetails.ErrorMessage);
        // At 3000x a second of scheduling delay on a loaded machine is 50 emulated minutes, so the upper bound is loose:
        // a deadline restarted by each generation would never fail at all (the wait above would time out).
        Assert.InRange(int.Parse(minutes.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 300, 420);
        Assert.True(rig.Clock.GetUtcNow() - start >= TimeSpan.FromMinutes(300));
        // The last generation started from carried progress: checks counted across generations, one provisioning request.
        var carried = state.ReadInputAs<ProvisionNetworkInput>()!.Progress;
        Assert.NotNull(carried);
        Assert.True(carried.Polls >= 10, $"{carried.Polls} checks carried");
        Assert.Equal(1, ProvisionRequests(rig));
    }

    [Fact]
    public async Task Already_started_only_waits_and_never_sends_a_provisioning_request()
    {
        await using var rig = await DemoRig.StartAsync();

        var output = await rig.RunAsync<ProvisionNetworkInput, ProvisionNetworkOutput>(WorkflowNames.ProvisionNetwork,
            Input(rig, 45, workspaceId: DemoWorkspaces.ApprovedCompliant, alreadyStarted: true));

        Assert.Equal(1, output.Polls);
        Assert.Equal(0, ProvisionRequests(rig));
    }
}
