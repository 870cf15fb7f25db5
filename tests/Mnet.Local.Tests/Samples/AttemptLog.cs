using System.Collections.Concurrent;

namespace Mnet.Local.Tests.Samples;

/// <summary>Counts attempts per key, across the retries of one activity call.</summary>
public sealed class AttemptLog
{
    readonly ConcurrentDictionary<string, int> attempts = new();

    /// <summary>Records one more attempt for <paramref name="key"/> and returns its number (1-based).</summary>
    public int Record(string key) => attempts.AddOrUpdate(key, 1, (_, n) => n + 1);

    public int Count(string key) => attempts.GetValueOrDefault(key);
}
