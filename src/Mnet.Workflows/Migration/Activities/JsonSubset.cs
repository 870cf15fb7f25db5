using System.Text.Json;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// Every value of an expected JSON document must be in the actual one (fields the service adds with defaults are
/// not differences; a missing or changed one is). Strings compare without case: ARM echoes ids and enums freely.
/// </summary>
public static class JsonSubset
{
    /// <summary>One line per difference: <c>path: actual instead of expected</c>, or <c>path: missing</c>.</summary>
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement? actual, string path = "")
    {
        var output = new List<string>();
        Compare(expected, actual, path, output);
        return output;
    }

    static void Compare(JsonElement expected, JsonElement? actual, string path, List<string> output)
    {
        string at = path.Length == 0 ? "(root)" : path;
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual is not { ValueKind: JsonValueKind.Object } found)
                {
                    output.Add($"{at}: missing");
                    return;
                }

                foreach (var property in expected.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.Null) continue;
                    JsonElement? member = found.TryGetProperty(property.Name, out var v) ? v : null;
                    Compare(property.Value, member, path.Length == 0 ? property.Name : $"{path}.{property.Name}", output);
                }

                return;
            case JsonValueKind.Array:
                if (actual is not { ValueKind: JsonValueKind.Array } list || list.GetArrayLength() != expected.GetArrayLength())
                {
                    output.Add($"{at}: {Text(actual)} instead of {expected.GetRawText()}");
                    return;
                }

                int i = 0;
                foreach (var (item, other) in expected.EnumerateArray().Zip(list.EnumerateArray()))
                {
                    Compare(item, other, $"{path}[{i++}]", output);
                }

                return;
            case JsonValueKind.String:
                if (actual is not { ValueKind: JsonValueKind.String } s ||
                    !string.Equals(s.GetString(), expected.GetString(), StringComparison.OrdinalIgnoreCase))
                {
                    output.Add($"{at}: {Text(actual)} instead of {expected.GetRawText()}");
                }

                return;
            default:
                if (actual is not { } value || !JsonElement.DeepEquals(expected, value))
                {
                    output.Add($"{at}: {Text(actual)} instead of {expected.GetRawText()}");
                }

                return;
        }
    }

    static string Text(JsonElement? value) => value?.GetRawText() ?? "missing";
}
