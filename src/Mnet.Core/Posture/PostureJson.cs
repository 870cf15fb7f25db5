using System.Text.Json;
using Mnet.Core.Planning;

namespace Mnet.Core.Posture;

/// <summary>
/// JSON of posture reports: the plan JSON conventions (<see cref="PlanJson.Options"/>: camelCase, optional fields
/// left out, two-space indentation); the readiness's outbound rules and policy fragment keep the policy's snake_case
/// keys so they can be pasted into a policy file.
/// </summary>
public static class PostureJson
{
    public static JsonSerializerOptions Options => PlanJson.Options;

    public static string Serialize(PostureReport report) => JsonSerializer.Serialize(report, Options);

    public static string Serialize(IReadOnlyList<PostureReport> reports) => JsonSerializer.Serialize(reports, Options);

    /// <summary>Reads a report written by <see cref="Serialize(PostureReport)"/>; throws <see cref="JsonException"/> otherwise.</summary>
    public static PostureReport Deserialize(string json) =>
        JsonSerializer.Deserialize<PostureReport>(json, Options)
        ?? throw new JsonException("Expected a posture report object, got null.");
}
