using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mnet.Arm.Recreate;

/// <summary>Dropping keys from raw JSON members of the resource records.</summary>
internal static class JsonFields
{
    public static Dictionary<string, JsonElement>? Without(
        IReadOnlyDictionary<string, JsonElement>? source, IEnumerable<string> keys)
    {
        if (source is null) return null;
        var drop = keys.ToHashSet(StringComparer.Ordinal);
        return source.Where(p => !drop.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>An object element without <paramref name="keys"/>; any other element unchanged.</summary>
    public static JsonElement Without(JsonElement element, IEnumerable<string> keys)
    {
        if (element.ValueKind != JsonValueKind.Object) return element.Clone();
        var node = JsonNode.Parse(element.GetRawText())!.AsObject();
        foreach (var key in keys) node.Remove(key);
        return JsonSerializer.SerializeToElement(node);
    }
}
