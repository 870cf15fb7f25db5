using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mnet.Service.Tests.Support;

/// <summary>Every structured log line the services write: level, event name and fields.</summary>
public sealed class CapturedLogs : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public IEnumerable<LogLine> Events(string name) => Lines.Where(l => l.Event == name);

    public bool Has(string name, string? key = null, object? value = null) =>
        Events(name).Any(l => key is null || (l.Fields.TryGetValue(key, out var v) && Equals(v?.ToString(), value?.ToString())));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
