using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mnet.Workflows.Tests.Support;

/// <summary>Keeps every log line of one category prefix, for assertions.</summary>
public sealed class CapturingLoggerProvider(string categoryPrefix) : ILoggerProvider
{
    readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => [.. lines];

    public ILogger CreateLogger(string categoryName) => new Capture(categoryName.StartsWith(categoryPrefix, StringComparison.Ordinal) ? lines : null);

    public void Dispose()
    {
    }

    sealed class Capture(ConcurrentQueue<string>? lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => lines is not null && logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines!.Enqueue(formatter(state, exception));
        }
    }
}
