using System.Text.Json.Nodes;

namespace Mnet.Emulator.Http;

/// <summary>What a handler answers; the pipeline adds request ids and serialises the body as JSON.</summary>
public sealed record EmuResponse(int Status, JsonNode? Body = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static EmuResponse Json(int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, body, headers);

    public static EmuResponse Ok(JsonNode? body) => new(200, body);

    public static EmuResponse NoContent() => new(204);

    public EmuResponse WithHeader(string name, string value)
    {
        var headers = new Dictionary<string, string>(Headers ?? new Dictionary<string, string>(),
            StringComparer.OrdinalIgnoreCase)
        {
            [name] = value,
        };
        return this with { Headers = headers };
    }
}
