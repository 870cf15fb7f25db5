using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mnet.Workflows.Durable;

/// <summary>
/// Runs an <see cref="IWorkflowActivity{TInput, TOutput}"/> on the Durable Task worker: a fresh activity per call,
/// built from the worker's services (constructor injection), as the Functions host does.
/// </summary>
internal sealed class WorkflowActivityAdapter<TActivity, TInput, TOutput>(IServiceProvider services)
    : TaskActivity<TInput, TOutput>
    where TActivity : class, IWorkflowActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
    {
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services);
        return activity.RunAsync(input);
    }
}
