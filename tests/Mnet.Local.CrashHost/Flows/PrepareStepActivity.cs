using Microsoft.DurableTask;

namespace Mnet.Local.CrashHost.Flows;

/// <summary>A quick first step, so the crash happens with history already written.</summary>
public sealed class PrepareStepActivity : TaskActivity<string, PreparedStep>
{
    public override Task<PreparedStep> RunAsync(TaskActivityContext context, string input) =>
        Task.FromResult(new PreparedStep($"prepared:{input}", Environment.ProcessId));
}
