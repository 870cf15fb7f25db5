using Microsoft.DurableTask;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// The retry policy of every activity call, one decision: transient failures are retried on durable timers (first
/// after 5 s, doubling, 5 attempts, at most a minute apart, scaled by <see cref="WorkflowTimings.TimeScale"/>); an ARM
/// failure that waiting does not fix (a 4xx other than 408/429) is not retried. What survives reaches the
/// orchestrator, which records it and stops: it never pretends the step succeeded.
/// </summary>
public static class WorkflowRetry
{
    public static TaskOptions Options(WorkflowTimings timings)
    {
        ArgumentNullException.ThrowIfNull(timings);
        var retry = timings.ActivityRetry;
        var policy = new RetryPolicy(
            retry.MaxAttempts,
            timings.Wall(retry.FirstRetry),
            retry.BackoffCoefficient,
            timings.Wall(retry.MaxRetryInterval))
        {
            HandleFailure = IsWorthRetrying,
        };
        return TaskOptions.FromRetryPolicy(policy);
    }

    /// <summary>Calls an activity with the retry policy; every activity call goes through here.</summary>
    public static Task<TOutput> CallWorkflowActivityAsync<TOutput>(
        this TaskOrchestrationContext context, string name, object? input, WorkflowTimings timings) =>
        context.CallActivityAsync<TOutput>(name, input, Options(timings));

    /// <summary>Only ARM failures known to be permanent are not retried; anything else may be transient.</summary>
    static bool IsWorthRetrying(TaskFailureDetails failure)
    {
        if (failure.Properties is { } properties &&
            properties.TryGetValue(ArmFailureProperties.RetryableKey, out object? value) &&
            value is bool retryable)
        {
            return retryable;
        }

        return true;
    }
}
