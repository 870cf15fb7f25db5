using System.Text.Json;
using System.Text.Json.Nodes;
using Mnet.Core.Resources;
using Xunit.Sdk;

namespace Mnet.Arm.Tests.Support;

/// <summary>Structural JSON comparison (property order ignored), like the TS tests' deepEqual.</summary>
internal static class JsonAssert
{
    public static void Equal(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        if (!JsonNode.DeepEquals(expected, actual))
        {
            throw new XunitException(
                $"JSON differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString() ?? "(none)"}");
        }
    }

    public static void Equal(string expectedJson, JsonElement? actual) =>
        Equal(expectedJson, actual is { } e ? JsonNode.Parse(e.GetRawText()) : null);

    /// <summary>Compares an object as ARM would receive it (ArmJson: camelCase, nulls left out).</summary>
    public static void EqualSerialized<T>(string expectedJson, T actual) =>
        Equal(expectedJson, JsonNode.Parse(ArmJson.Serialize(actual)));

    public static JsonNode? Node<T>(T value) => JsonNode.Parse(ArmJson.Serialize(value));
}
