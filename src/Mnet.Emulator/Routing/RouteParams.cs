namespace Mnet.Emulator.Routing;

/// <summary>Values captured by a route's <c>{name}</c> segments (<c>scope</c> for a leading <c>{*scope}</c>).</summary>
public sealed class RouteParams
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Values => values;

    public string this[string name] =>
        values.TryGetValue(name, out var v) ? v : throw new InvalidOperationException($"route has no {{{name}}}");

    public string? Optional(string name) => values.TryGetValue(name, out var v) ? v : null;

    internal void Set(string name, string value) => values[name] = value;
}
