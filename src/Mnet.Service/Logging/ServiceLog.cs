using Microsoft.Extensions.Logging;

namespace Mnet.Service.Logging;

/// <summary>
/// Structured log lines: an event name (<c>request.accepted</c>, <c>event.ignored</c>, ...) and the identifiers that
/// apply (instanceId, ticketId, workspaceId, ...) as properties, so Application Insights can follow a ticket end to
/// end. Never bodies, tokens or keys.
/// </summary>
internal static class ServiceLog
{
    public static void Info(this ILogger log, string eventName, params (string Key, object? Value)[] fields) =>
        Write(log, LogLevel.Information, eventName, fields);

    public static void Warn(this ILogger log, string eventName, params (string Key, object? Value)[] fields) =>
        Write(log, LogLevel.Warning, eventName, fields);

    public static void Error(this ILogger log, string eventName, params (string Key, object? Value)[] fields) =>
        Write(log, LogLevel.Error, eventName, fields);

    static void Write(ILogger log, LogLevel level, string eventName, (string Key, object? Value)[] fields)
    {
        if (!log.IsEnabled(level)) return;
        var state = new List<KeyValuePair<string, object?>>(fields.Length + 1) { new("event", eventName) };
        foreach (var (key, value) in fields)
        {
            if (value is not null) state.Add(new(key, value));
        }

        log.Log(level, new EventId(0, eventName), state, null, static (s, _) =>
            string.Join(' ', s.Select(kv => kv.Key == "event" ? $"{kv.Value}" : $"{kv.Key}={kv.Value}")));
    }

    /// <summary>First line of an unexpected error for the logs' summaries (the stack goes with the exception).</summary>
    public static string Summary(Exception e)
    {
        string text = $"{e.GetType().Name}: {e.Message}";
        int newline = text.IndexOf('\n', StringComparison.Ordinal);
        text = newline >= 0 ? text[..newline] : text;
        return text.Length > 500 ? text[..500] : text;
    }
}
