using System.Text.Json.Nodes;

namespace Mnet.Emulator.Http;

/// <summary>A request as handlers see it (decoupled from ASP.NET Core).</summary>
/// <param name="Path">Decoded path without query string or trailing slash ("/" at the root).</param>
/// <param name="PathAndQuery">The raw path and query as sent (fault matching, nextLink).</param>
/// <param name="Body">Parsed JSON body; null when empty (or unparseable: the pipeline then answers 400).</param>
public sealed record EmuRequest(
    string Method,
    string Path,
    string PathAndQuery,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    string RequestId)
{
    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) ? v : null;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>The body as an object, or an empty one (a missing body is an empty resource).</summary>
    public JsonObject BodyObject() => Body as JsonObject ?? [];
}
