using Mnet.Arm;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Activities.Operations;

/// <summary>ONE poll of a long-running ARM operation (the orchestrator waits between polls on durable timers).</summary>
public sealed class PollOperationActivity(IArmClient arm) : IWorkflowActivity<PollOperationInput, PollOperationOutput>
{
    public async Task<PollOperationOutput> RunAsync(PollOperationInput input)
    {
        var result = await arm.PollOperationAsync(input.Handle);
        // The handle keeps no final body either: history stays small.
        return new PollOperationOutput(result.Status, result.Error, result.Handle with { ResultJson = null });
    }
}
