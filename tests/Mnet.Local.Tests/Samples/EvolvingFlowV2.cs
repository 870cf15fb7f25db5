using Microsoft.DurableTask;

namespace Mnet.Local.Tests.Samples;

/// <summary>The changed version: its first step is now another activity, so an old history no longer replays.</summary>
public sealed class EvolvingFlowV2 : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        int attempt = await context.CallActivityAsync<int>(
            nameof(FlakyActivity), new FlakyRequest(context.InstanceId, 0));
        string go = await context.WaitForExternalEvent<string>(EvolvingFlow.GoEvent);
        return $"{attempt} {go}";
    }
}
