using Microsoft.DurableTask;

namespace Mnet.Local.Tests.Samples;

/// <summary>A sub-orchestration: greets through the activity and names its parent. Refuses negative input.</summary>
public sealed class ChildFlow : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        if (input.StartsWith('-'))
        {
            throw new InvalidOperationException($"child refuses {input}");
        }

        string greeting = await context.CallActivityAsync<string>(nameof(GreetActivity), input);
        return $"{greeting} (child of {context.Parent?.InstanceId})";
    }
}
