using Microsoft.DurableTask;

namespace Mnet.Local.CrashHost.Flows;

/// <summary>
/// The step the process dies in: it waits at the injected gate, then reports the process that finished it.
/// </summary>
public sealed class SlowStepActivity(ISlowStepGate gate) : TaskActivity<string, SlowStepResult>
{
    public override async Task<SlowStepResult> RunAsync(TaskActivityContext context, string input)
    {
        await gate.PassAsync(context.InstanceId, CancellationToken.None);
        return new SlowStepResult(input, Environment.ProcessId);
    }
}
