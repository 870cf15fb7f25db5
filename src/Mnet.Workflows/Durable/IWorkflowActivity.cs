namespace Mnet.Workflows.Durable;

/// <summary>
/// An activity: a class built with constructor injection, doing all the I/O of one step through ONE public method.
/// The in-process engine adapts it (<see cref="WorkflowActivityAdapter{TActivity, TInput, TOutput}"/>); the
/// Functions app calls <see cref="RunAsync"/> from an [ActivityTrigger] method.
/// </summary>
public interface IWorkflowActivity<in TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input);
}
