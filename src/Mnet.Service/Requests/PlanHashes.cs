using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mnet.Service.Requests;

/// <summary>
/// The hash an approval must name: the plan waiting for approval as the orchestration published it, the steps that
/// wait and the deadline, in canonical JSON (object keys sorted, no whitespace), SHA-256, 32 hex characters. Another
/// plan, another wait or another run is another question, so an old approval cannot answer it.
/// </summary>
public static class PlanHashes
{
    public static string Of(JsonNode? plan, IReadOnlyList<string> stepIds, string deadline)
    {
        ArgumentNullException.ThrowIfNull(stepIds);
        var question = new JsonObject
        {
            ["plan"] = plan?.DeepClone(),
            ["stepIds"] = new JsonArray([.. stepIds.Select(s => (JsonNode?)JsonValue.Create(s))]),
            ["deadline"] = deadline,
        };
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, question);
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..32];
    }

    static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteCanonical(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
