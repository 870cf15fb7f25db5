using System.Text.Json.Nodes;

namespace Mnet.Service.Tests.Support;

/// <summary>A request to send to a handler: JSON body, raw text or bytes, headers, route id, query.</summary>
public sealed record HttpRequestSpec
{
    public JsonNode? Body { get; init; }
    public string? RawBody { get; init; }
    public byte[]? RawBytes { get; init; }
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public string? Id { get; init; }
    public string Query { get; init; } = "";

    public bool HasBody => Body is not null || RawBody is not null || RawBytes is not null;
}
