using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Mnet.Workflows.Durable;

/// <summary>One line per orchestrator or activity in <see cref="WorkflowRegistration.AddMnetWorkflows"/>.</summary>
public static class WorkflowRegistryExtensions
{
    /// <summary>
    /// Registers an activity class under <paramref name="name"/>: a fresh instance per call, its constructor
    /// arguments from the worker's services.
    /// </summary>
    public static DurableTaskRegistry AddWorkflowActivity<TActivity>(this DurableTaskRegistry registry, string name)
        where TActivity : class
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Type contract = typeof(TActivity).GetInterfaces()
            .SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWorkflowActivity<,>))
            ?? throw new ArgumentException(
                $"{typeof(TActivity).Name} does not implement IWorkflowActivity<TInput, TOutput> (exactly once).",
                nameof(TActivity));
        Type adapter = typeof(WorkflowActivityAdapter<,,>)
            .MakeGenericType([typeof(TActivity), .. contract.GetGenericArguments()]);
        return registry.AddActivity(name, services => (ITaskActivity)ActivatorUtilities.CreateInstance(services, adapter, name));
    }

    /// <summary>Registers a function-style orchestrator: a static <c>RunAsync(TaskOrchestrationContext, TInput)</c>.</summary>
    public static DurableTaskRegistry AddWorkflow<TInput, TOutput>(
        this DurableTaskRegistry registry, string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(orchestrator);
        return registry.AddOrchestratorFunc<TInput, TOutput>(name, orchestrator);
    }
}
