using Microsoft.DurableTask;
using Mnet.Emulator.Scenarios;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Tests.Support;

public sealed class WorkflowRigTests
{
    const string Echo = "rigEcho";

    [Fact]
    public async Task Runs_an_orchestration_on_the_engine_with_the_workflow_json()
    {
        await using var rig = await WorkflowRig.StartAsync(new WorkflowRigOptions
        {
            Register = r => r.AddWorkflow<WorkflowTimings, WorkflowTimings>(Echo, (_, input) => Task.FromResult(input)),
        });

        var output = await rig.RunAsync<WorkflowTimings, WorkflowTimings>(Echo, rig.Timings);

        Assert.Equal(rig.Timings, output);
        Assert.Equal(600, output.TimeScale);
    }

    [Fact]
    public async Task The_arm_client_reaches_the_emulator_and_reads_are_not_writes()
    {
        await using var rig = await WorkflowRig.StartAsync();
        long mark = rig.Mark();

        var subscription = await rig.Arm.GetSubscriptionAsync(EmptyScenario.SubscriptionId);

        Assert.Equal(EmptyScenario.SubscriptionId, subscription.SubscriptionId);
        Assert.NotEmpty(rig.RequestsSince(mark));
        Assert.Empty(rig.WritesSince(mark));
    }
}
