using System.Text.Json;

namespace Mnet.Workflows.Migration.Activities;

/// <summary>
/// When ARM says a resource was created: a compute's <c>properties.createdOn</c>, an endpoint's or deployment's
/// <c>systemData.createdAt</c>. A resource deleted and created again has a later one, so a snapshot's tells whether
/// the resource there now is the one it saved.
/// </summary>
internal static class CreationTime
{
    public static string? Of(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object) return null;
        return Text(resource, "properties", "createdOn") ?? Text(resource, "systemData", "createdAt");
    }

    static string? Text(JsonElement resource, string parent, string name) =>
        resource.TryGetProperty(parent, out var holder) && holder.ValueKind == JsonValueKind.Object &&
        holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
