using System.Text.Json.Nodes;

namespace Mnet.Emulator.Http;

/// <summary>Tolerant reads of request JSON: a wrong type reads as absent (callers decide what is required).</summary>
public static class JsonRead
{
    public static string? Str(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool? Bool(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static double? Num(this JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    public static JsonObject? Obj(this JsonNode? node, string name) => node is JsonObject o ? o[name] as JsonObject : null;

    public static bool Has(this JsonNode? node, string name) => node is JsonObject o && o.ContainsKey(name);

    /// <summary>The child object <paramref name="name"/>, created and attached when absent or not an object.</summary>
    public static JsonObject Child(this JsonObject parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (parent[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    /// <summary>A deep copy as an object (empty when the node is not one).</summary>
    public static JsonObject CloneObject(this JsonNode? node) => node is JsonObject o ? o.DeepClone().AsObject() : [];
}
