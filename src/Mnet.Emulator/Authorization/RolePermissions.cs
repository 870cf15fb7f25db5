using System.Text.Json.Nodes;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// Does a role definition's <c>properties.permissions</c> grant an action? One block must match it in
/// <c>actions</c> without a match in its own <c>notActions</c> (ARM wildcards, case-insensitive).
/// </summary>
public static class RolePermissions
{
    public static bool Grant(JsonNode? permissions, string action) =>
        permissions is JsonArray blocks && blocks.OfType<JsonObject>().Any(b =>
            Strings(b["actions"]).Any(a => ActionPattern.Matches(a, action))
            && !Strings(b["notActions"]).Any(a => ActionPattern.Matches(a, action)));

    /// <summary>The strings of a JSON array (other entries skipped; not an array: none).</summary>
    public static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray a
            ? a.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];
}
