using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Does a set of effective permissions grant an action? As Azure RBAC evaluates them: one block must list the action
/// (patterns with <c>*</c>, case-insensitive) and that same block must not exclude it in its NotActions.
/// </summary>
public static class PermissionMatch
{
    public static bool Grants(IEnumerable<RolePermission> permissions, string action) =>
        permissions.Any(block =>
            block.Actions.Any(pattern => Matches(pattern, action)) &&
            !(block.NotActions ?? []).Any(pattern => Matches(pattern, action)));

    /// <summary>An action pattern against an action: <c>*</c> stands for any run of characters.</summary>
    public static bool Matches(string pattern, string action)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1) return string.Equals(pattern, action, StringComparison.OrdinalIgnoreCase);
        if (!action.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)) return false;
        int at = parts[0].Length;
        for (int i = 1; i < parts.Length - 1; i++)
        {
            int found = action.IndexOf(parts[i], at, StringComparison.OrdinalIgnoreCase);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }

        string last = parts[^1];
        return action.Length - at >= last.Length && action.EndsWith(last, StringComparison.OrdinalIgnoreCase);
    }
}
