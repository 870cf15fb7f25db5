using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Mnet.Emulator.Tests.Support;

/// <summary>An answer as it came over the wire: status, headers, parsed JSON body (null when empty).</summary>
public sealed record RawResponse(int Status, HttpResponseHeaders Headers, HttpContentHeaders? ContentHeaders, JsonNode? Body, string Text)
{
    public string? Header(string name) =>
        Headers.TryGetValues(name, out var v) ? string.Join(",", v)
        : ContentHeaders is not null && ContentHeaders.TryGetValues(name, out var c) ? string.Join(",", c)
        : null;

    public string RequiredHeader(string name) => Header(name) ?? throw new Xunit.Sdk.XunitException($"missing header {name}; status {Status} {Text}");

    public string? ErrorCode => Body?["error"]?["code"]?.GetValue<string>();

    /// <summary>Follows a dotted path: At("properties.managedNetwork.status.status").</summary>
    public JsonNode? At(string path) => Json.At(Body, path);
}
