using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using Mnet.Workflows.Tests.Support;

namespace Mnet.Workflows.Tests.Orchestrators;

/// <summary>
/// Why orchestrators take time, ids and configuration only from the context and their input: an orchestrator that
/// decides differently on replay is caught by the engine, and the instance fails instead of acting on a wrong history.
/// </summary>
public sealed class NonDeterminismTests
{
    const string Flaky = "testFlakyDecision";

    /// <summary>Stands for DateTime.Now or a setting read inside an orchestrator: it changes between replays.</summary>
    static int executions;

    static async Task<string> FlakyAsync(TaskOrchestrationContext context, WorkflowTimings timings)
    {
        // The first execution schedules one activity; the replay that follows its answer schedules another in its place.
        string first = Interlocked.Increment(ref executions) == 1 ? WorkflowNames.ReadNetworkStatus : WorkflowNames.PollOperation;
        try
        {
            await context.CallActivityAsync<object>(first, new { workspaceId = "/x" });
        }
        catch (TaskFailedException)
        {
            // The activity's own failure does not matter: the replay is what is checked.
        }

        await context.CreateTimer(context.CurrentUtcDateTime.AddMilliseconds(100), CancellationToken.None);
        return "done";
    }

    [Fact]
    public async Task An_orchestrator_that_decides_differently_on_replay_is_caught_by_the_engine()
    {
        await using var rig = await WorkflowRig.StartAsync(new WorkflowRigOptions
        {
            Register = r => r.AddWorkflow<WorkflowTimings, string>(Flaky, FlakyAsync),
        });

        var state = await rig.WaitAsync(await rig.StartAsync(Flaky, rig.Timings));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Contains("NonDeterministic", state.FailureDetails!.ErrorType + state.FailureDetails.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }
}
