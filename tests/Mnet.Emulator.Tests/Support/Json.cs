using System.Text.Json.Nodes;

namespace Mnet.Emulator.Tests.Support;

/// <summary>Assertion helpers over JSON nodes.</summary>
public static class Json
{
    public static JsonNode? At(JsonNode? node, string path)
    {
        var cur = node;
        foreach (var part in path.Split('.'))
        {
            if (cur is not JsonObject o)
            {
                return null;
            }

            cur = o[part];
        }

        return cur;
    }

    public static string? Str(JsonNode? node, string path) =>
        At(node, path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
