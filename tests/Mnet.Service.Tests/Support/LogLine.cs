using Microsoft.Extensions.Logging;

namespace Mnet.Service.Tests.Support;

/// <summary>One captured log line: level, event name, structured fields.</summary>
public sealed record LogLine(LogLevel Level, string Event, IReadOnlyDictionary<string, object?> Fields, string Text, Exception? Exception);
