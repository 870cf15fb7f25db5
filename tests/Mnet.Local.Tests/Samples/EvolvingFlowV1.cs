using Microsoft.DurableTask;

namespace Mnet.Local.Tests.Samples;

/// <summary>The first version: greets, then waits for an event.</summary>
public sealed class EvolvingFlowV1 : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        string greeting = await context.CallActivityAsync<string>(nameof(GreetActivity), input);
        context.SetCustomStatus(EvolvingFlow.Waiting);
        string go = await context.WaitForExternalEvent<string>(EvolvingFlow.GoEvent);
        return $"{greeting} {go}";
    }
}
