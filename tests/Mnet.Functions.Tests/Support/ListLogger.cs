using Microsoft.Extensions.Logging;

namespace Mnet.Functions.Tests.Support;

/// <summary>Keeps every line logged (level and formatted message).</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    readonly List<(LogLevel Level, string Message)> lines = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Lines
    {
        get
        {
            lock (lines) return [.. lines];
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (lines) lines.Add((logLevel, formatter(state, exception)));
    }
}
