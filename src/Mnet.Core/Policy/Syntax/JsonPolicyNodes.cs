using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mnet.Core.Policy.Syntax;

/// <summary>An inline policy (an HTTP body already parsed as JSON) as policy nodes, without positions.</summary>
internal static class JsonPolicyNodes
{
    /// <summary>Null stays null: "no document", reported as not a mapping.</summary>
    public static PolicyNode? From(JsonNode? node) => node is null ? null : Convert(node);

    private static PolicyNode Convert(JsonNode? node) => node switch
    {
        null => PolicyScalar.Null(),
        JsonObject o => new PolicyMapping(
            [.. o.Select(p => new PolicyMappingEntry(p.Key, null, Convert(p.Value)))]),
        JsonArray a => new PolicySequence([.. a.Select(Convert)]),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => PolicyScalar.Of(v.GetValue<string>()),
            // A node built in code may hold an int, a parsed one a JsonElement: the JSON text reads the same for both.
            JsonValueKind.Number => PolicyScalar.Of(double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture)),
            JsonValueKind.True => PolicyScalar.Of(true),
            JsonValueKind.False => PolicyScalar.Of(false),
            _ => PolicyScalar.Null(),
        },
        _ => PolicyScalar.Null(),
    };
}
