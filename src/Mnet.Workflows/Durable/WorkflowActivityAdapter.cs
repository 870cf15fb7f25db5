using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mnet.Workflows.Durable;

/// <summary>
/// Runs an <see cref="IWorkflowActivity{TInput, TOutput}"/> on the Durable Task worker: a fresh activity per call,
/// built from the worker's services (constructor injection), as the Functions host does.
/// </summary>
internal sealed class WorkflowActivityAdapter<TActivity, TInput, TOutput>(IServiceProvider services, string name)
    : TaskActivity<TInput, TOutput>
    where TActivity : class, IWorkflowActivity<TInput, TOutput>
{
    public override async Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
    {
        if (services.GetService<ActivityRedelivery>() is { } redelivery && redelivery.Applies(name))
        {
            await ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services).RunAsync(input);
        }

        return await ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services).RunAsync(input);
    }
}
