using Microsoft.DurableTask;

namespace Mnet.Local.Tests.Samples;

public static class SamplePolicies
{
    /// <summary>Three attempts, 200 ms apart: the engine's own retry timers.</summary>
    public static TaskOptions Flaky { get; } =
        TaskOptions.FromRetryPolicy(
            new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(200)));
}
