using System.Text.Json;
using Mnet.Core.Planning;

namespace Mnet.Workflows.Stores;

/// <summary>
/// The JSON of stored documents: the plan's options (ARM conventions, camelCase, two-space indentation), so a saved
/// definition reads as ARM returned it and a stored drift report as the HTTP API serves it.
/// </summary>
public static class StoreJson
{
    public static JsonSerializerOptions Options => PlanJson.Options;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <exception cref="JsonException">The text is not a <typeparamref name="T"/> (or is JSON null).</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Expected a {typeof(T).Name}, got null.");
}
