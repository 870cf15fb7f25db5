namespace Mnet.Emulator.Authorization;

/// <summary>ARM action patterns: '*' matches any run of characters; comparisons ignore case.</summary>
public static class ActionPattern
{
    public static bool Matches(string pattern, string action)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, action, StringComparison.OrdinalIgnoreCase);
        }

        if (!action.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = action.IndexOf(parts[i], position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        var last = parts[^1];
        return action.Length - position >= last.Length && action.EndsWith(last, StringComparison.OrdinalIgnoreCase);
    }
}
