using Microsoft.DurableTask;

namespace Mnet.Local.Tests.Samples;

/// <summary>Another change: the greeting step is gone, so the history records a task this code never schedules.</summary>
public sealed class EvolvingFlowV3 : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.WaitForExternalEvent<string>(EvolvingFlow.GoEvent);
}
