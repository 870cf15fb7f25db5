using System.Collections.Concurrent;
using Mnet.Local.CrashHost.Flows;

namespace Mnet.Local.Tests.Support;

/// <summary>The resumed engine's gate: lets the slow step through at once and records who passed.</summary>
internal sealed class OpenGate : ISlowStepGate
{
    readonly ConcurrentQueue<string> passed = new();

    public IReadOnlyCollection<string> Passed => passed.ToArray();

    public Task PassAsync(string instanceId, CancellationToken cancellationToken)
    {
        passed.Enqueue(instanceId);
        return Task.CompletedTask;
    }
}
