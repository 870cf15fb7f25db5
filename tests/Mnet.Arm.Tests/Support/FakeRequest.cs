using System.Text.Json.Nodes;

namespace Mnet.Arm.Tests.Support;

/// <summary>A request the fake ARM server received. <see cref="Url"/> is the path and query as sent.</summary>
internal sealed record FakeRequest(
    string Method, string Url, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, DateTimeOffset ReceivedAt)
{
    public string Path => Url.Split('?')[0];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body as compact JSON text, for exact comparisons.</summary>
    public string BodyJson => Body?.ToJsonString() ?? "";
}
