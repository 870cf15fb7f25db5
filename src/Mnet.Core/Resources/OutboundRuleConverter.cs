using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mnet.Core.Resources;

/// <summary>
/// Reads an <see cref="OutboundRule"/> by its <c>type</c> wherever that property sits in the object (ARM does not
/// promise it comes first); writes the concrete rule with its <c>type</c>.
/// </summary>
public sealed class OutboundRuleConverter : JsonConverter<OutboundRule>
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(OutboundRule);

    public override OutboundRule? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An outbound rule must be a JSON object, got {reader.TokenType}.");
        }
        using var document = JsonDocument.ParseValue(ref reader);
        var element = document.RootElement;
        if (!element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("An outbound rule needs a string \"type\" (FQDN, PrivateEndpoint or ServiceTag).");
        }
        var type = typeElement.GetString()!;
        // ARM compares enum values without case; the rule is written back in the canonical spelling.
        if (string.Equals(type, OutboundRuleTypes.Fqdn, StringComparison.OrdinalIgnoreCase))
        {
            return ReadConcrete<FqdnOutboundRule>(element, options);
        }
        if (string.Equals(type, OutboundRuleTypes.PrivateEndpoint, StringComparison.OrdinalIgnoreCase))
        {
            return ReadConcrete<PrivateEndpointOutboundRule>(element, options);
        }
        if (string.Equals(type, OutboundRuleTypes.ServiceTag, StringComparison.OrdinalIgnoreCase))
        {
            return ReadConcrete<ServiceTagOutboundRule>(element, options);
        }
        return ReadConcrete<UnknownOutboundRule>(element, options) with { RuleType = type };
    }

    public override void Write(Utf8JsonWriter writer, OutboundRule value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);

    // The concrete records compute "type" themselves: it is removed before reading so that it does not land in Extra.
    private static T ReadConcrete<T>(JsonElement element, JsonSerializerOptions options)
        where T : OutboundRule
    {
        var node = JsonObject.Create(element)!;
        node.Remove("type");
        return node.Deserialize<T>(options) ?? throw new JsonException($"Could not read the outbound rule as {typeof(T).Name}.");
    }
}
