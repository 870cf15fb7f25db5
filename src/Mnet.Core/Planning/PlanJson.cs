using System.Text.Encodings.Web;
using System.Text.Json;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// JSON of plans (and drift reports): the shape <c>mnet plan --json</c> prints, field for field: camelCase names, the
/// step <c>kind</c> discriminator, optional fields left out when absent, ARM rule bodies as ARM writes them.
/// </summary>
public static class PlanJson
{
    /// <summary>Read-only options: ARM conventions, two-space indentation, no needless escaping (as JSON.stringify).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(Plan plan) => JsonSerializer.Serialize(plan, Options);

    /// <summary>Reads a plan written by <see cref="Serialize"/>; throws <see cref="JsonException"/> on anything else.</summary>
    public static Plan Deserialize(string json) =>
        JsonSerializer.Deserialize<Plan>(json, Options) ?? throw new JsonException("Expected a plan object, got null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ArmJson.Options)
        {
            WriteIndented = true,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}
