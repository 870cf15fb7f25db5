using System.Collections.Concurrent;

namespace Mnet.Service.Tests.Engine;

/// <summary>How many times each instance id ran its first activity: a second start of the same id counts twice.</summary>
public sealed class RunCounter
{
    public ConcurrentDictionary<string, int> Runs { get; } = new(StringComparer.Ordinal);

    public void Count(string instanceId) => Runs.AddOrUpdate(instanceId, 1, (_, n) => n + 1);
}
