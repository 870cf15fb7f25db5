using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mnet.Core.Resources;

/// <summary>The one set of JSON options for ARM bodies: camelCase names, nulls left out when writing, enums as strings.</summary>
public static class ArmJson
{
    /// <summary>Shared, read-only options. Extension data (<c>Extra</c>) keeps every property the records do not name.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads an ARM body; a JSON <c>null</c> body is refused rather than returned as null.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Expected a JSON object for {typeof(T).Name}, got null.");

    /// <summary>Reads an ARM body from a parsed element; a JSON <c>null</c> is refused.</summary>
    public static T Deserialize<T>(JsonElement element) =>
        element.Deserialize<T>(Options)
        ?? throw new JsonException($"Expected a JSON object for {typeof(T).Name}, got null.");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static JsonElement SerializeToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null, // rule names, tags and identity ids are data: never renamed
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // ARM does not promise that "type" (the rule discriminator) comes first.
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly();
        return options;
    }
}
