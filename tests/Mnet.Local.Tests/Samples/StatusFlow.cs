using Microsoft.DurableTask;
using Mnet.Workflows.Durable;

namespace Mnet.Local.Tests.Samples;

/// <summary>Sets a custom status of a requested size and returns its size as Durable Functions measures it.</summary>
public sealed class StatusFlow : TaskOrchestrator<StatusRequest, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, StatusRequest input)
    {
        string status = new('s', input.Characters);
        if (input.Checked)
        {
            DurableLimits.SetCustomStatusChecked(context, status);
        }
        else
        {
            context.SetCustomStatus(status);
        }

        return Task.FromResult(DurableLimits.CustomStatusBytes(status));
    }
}
