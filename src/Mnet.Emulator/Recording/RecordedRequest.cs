using System.Text.Json.Nodes;

namespace Mnet.Emulator.Recording;

/// <summary>One ARM request the emulator received.</summary>
/// <param name="Status">Response status; 0 when a fault reset the connection.</param>
/// <param name="Time">Emulator clock time when the request arrived.</param>
/// <param name="Body">Parsed body of writes (PUT, PATCH, POST, DELETE with a body); null for GET/HEAD.</param>
public sealed record RecordedRequest(
    long Seq,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    int Status,
    DateTimeOffset Time,
    JsonNode? Body)
{
    /// <summary>The admin route's shape: <c>{seq, method, path, query, status, time (ms), body?}</c>.</summary>
    public JsonObject ToJson()
    {
        var query = new JsonObject();
        foreach (var (k, v) in Query)
        {
            query[k] = v;
        }

        var o = new JsonObject
        {
            ["seq"] = Seq,
            ["method"] = Method,
            ["path"] = Path,
            ["query"] = query,
            ["status"] = Status,
            ["time"] = Time.ToUnixTimeMilliseconds(),
        };
        if (Body is not null)
        {
            o["body"] = Body.DeepClone();
        }

        return o;
    }
}
