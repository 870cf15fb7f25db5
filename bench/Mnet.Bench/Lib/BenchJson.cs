using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnet.Bench.Lib;

/// <summary>The bench's JSON: camelCase, indented, what --json prints and children report.</summary>
public static class BenchJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
