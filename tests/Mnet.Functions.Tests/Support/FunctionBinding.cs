using System.Text.Json;

namespace Mnet.Functions.Tests.Support;

/// <summary>One binding of a function in functions.metadata (the members the docs name).</summary>
internal sealed record FunctionBinding(
    string Type, string Direction, string? Route, IReadOnlyList<string> Methods, string? AuthLevel,
    string? QueueName, string? Connection, string? Schedule, bool? UseMonitor)
{
    public static FunctionBinding From(JsonElement element)
    {
        string? Text(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        IReadOnlyList<string> methods = element.TryGetProperty("methods", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToList()
            : [];
        bool? useMonitor = element.TryGetProperty("useMonitor", out var u) && u.ValueKind is JsonValueKind.True or JsonValueKind.False ? u.GetBoolean() : null;
        return new FunctionBinding(Text("type")!, Text("direction")!, Text("route"), methods, Text("authLevel"),
            Text("queueName"), Text("connection"), Text("schedule"), useMonitor);
    }
}
