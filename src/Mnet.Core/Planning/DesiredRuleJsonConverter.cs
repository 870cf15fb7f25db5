using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Writes a rule the planner built from the policy (never read from ARM) without the <c>errorInformation: null</c> the
/// ARM shape always carries, exactly as the plan JSON has always shown it; reads any rule.
/// </summary>
public sealed class DesiredRuleJsonConverter : JsonConverter<OutboundRule>
{
    private const string ErrorInformation = "errorInformation";

    public override OutboundRule? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<OutboundRule>(ref reader, options);

    public override void Write(Utf8JsonWriter writer, OutboundRule value, JsonSerializerOptions options)
    {
        var node = JsonSerializer.SerializeToNode(value, options);
        if (node is JsonObject obj && obj.TryGetPropertyValue(ErrorInformation, out var error) && error is null)
        {
            obj.Remove(ErrorInformation);
        }
        if (node is null) writer.WriteNullValue();
        else node.WriteTo(writer, options);
    }
}
