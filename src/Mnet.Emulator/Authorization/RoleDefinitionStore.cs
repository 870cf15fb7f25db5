using System.Text.Json.Nodes;
using Mnet.Emulator.Http;
using Mnet.Emulator.State;

namespace Mnet.Emulator.Authorization;

/// <summary>
/// Role definitions live once, under their GUID, in <see cref="EmulatorState.RoleDefinitions"/> at the canonical id
/// <c>/providers/Microsoft.Authorization/roleDefinitions/{guid}</c>; ARM reports a definition's id relative to the
/// scope it was read at, which <see cref="ViewAt"/> does.
/// </summary>
public static class RoleDefinitionStore
{
    public const string Type = "Microsoft.Authorization/roleDefinitions";

    public static string CanonicalId(string guid) => $"/providers/Microsoft.Authorization/roleDefinitions/{guid.ToLowerInvariant()}";

    public static JsonObject? Find(EmulatorState state, string guid) => state.RoleDefinitions.Get(CanonicalId(guid));

    public static bool IsBuiltIn(JsonObject definition) =>
        string.Equals(definition["properties"].Str("type"), "BuiltInRole", StringComparison.OrdinalIgnoreCase);

    public static string RoleName(JsonObject definition) => definition["properties"].Str("roleName") ?? string.Empty;

    /// <summary>A copy whose id is under <paramref name="scope"/> ("/" for the root).</summary>
    public static JsonObject ViewAt(JsonObject definition, string scope)
    {
        var view = definition.DeepClone().AsObject();
        var name = definition.Str("name") ?? string.Empty;
        view["id"] = $"{ScopeBase(scope)}/providers/Microsoft.Authorization/roleDefinitions/{name}";
        return view;
    }

    /// <summary>"" for the root scope, else the scope without a trailing slash.</summary>
    public static string ScopeBase(string scope) => scope == "/" ? string.Empty : scope.TrimEnd('/');
}
