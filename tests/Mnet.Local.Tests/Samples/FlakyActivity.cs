using Microsoft.DurableTask;

namespace Mnet.Local.Tests.Samples;

/// <summary>Fails a set number of times, then returns the number of the attempt that succeeded.</summary>
public sealed class FlakyActivity(AttemptLog log) : TaskActivity<FlakyRequest, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, FlakyRequest input)
    {
        int attempt = log.Record(input.Key);
        return attempt <= input.Failures
            ? throw new InvalidOperationException($"flaky failure {attempt}")
            : Task.FromResult(attempt);
    }
}
