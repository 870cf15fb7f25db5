using System.Text.Json.Nodes;

namespace Mnet.Core.Tests.Planning;

/// <summary>The first place two JSON documents differ (property order ignored), as a readable path; null when equal.</summary>
internal static class JsonDifference
{
    public static string? First(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.TryGetPropertyValue(key, out var other)) return $"{path}.{key}: missing (expected {value?.ToJsonString()})";
                    if (First(value, other, $"{path}.{key}") is { } inner) return inner;
                }
                var extra = a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra}: unexpected {a[extra]?.ToJsonString()}";
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                {
                    if (First(e[i], a[i], $"{path}[{i}]") is { } inner) return inner;
                }
                return e.Count == a.Count ? null : $"{path}: {a.Count} items, expected {e.Count}";
            default:
                return JsonNode.DeepEquals(expected, actual)
                    ? null
                    : $"{path}: {actual?.ToJsonString() ?? "null"}, expected {expected?.ToJsonString() ?? "null"}";
        }
    }
}
