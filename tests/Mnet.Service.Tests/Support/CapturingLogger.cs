using Microsoft.Extensions.Logging;

namespace Mnet.Service.Tests.Support;

/// <summary>Writes every line into its <see cref="CapturedLogs"/>.</summary>
public sealed class CapturingLogger(CapturedLogs owner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (k, v) in pairs) fields[k] = v;
        }

        string text = formatter(state, exception);
        string name = fields.TryGetValue("event", out var e) && e is not null ? e.ToString()! : text.Split(' ')[0];
        owner.Lines.Enqueue(new LogLine(logLevel, name, fields, text, exception));
    }
}
