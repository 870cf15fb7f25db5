using Microsoft.DurableTask;

namespace Mnet.Local.CrashHost.Flows;

/// <summary>Two activities in a row; the process running it is killed inside the second.</summary>
public sealed class CrashFlow : TaskOrchestrator<string, CrashFlowResult>
{
    public override async Task<CrashFlowResult> RunAsync(TaskOrchestrationContext context, string input)
    {
        PreparedStep prepared = await context.CallActivityAsync<PreparedStep>(nameof(PrepareStepActivity), input);
        SlowStepResult slow = await context.CallActivityAsync<SlowStepResult>(nameof(SlowStepActivity), prepared.Text);
        return new CrashFlowResult(prepared.Text, prepared.ProcessId, slow.ProcessId);
    }
}
