namespace Mnet.Emulator.Tests.Events;

/// <summary>Request headers a test receiver saw.</summary>
public sealed record NameValueHeaders(IReadOnlyDictionary<string, string> Values)
{
    public string? Get(string name) => Values.TryGetValue(name, out var v) ? v : null;
}
