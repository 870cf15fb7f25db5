namespace Mnet.Core.Text;

/// <summary>"Did you mean" suggestions for misspelt keys, values, commands and options.</summary>
public static class Suggestions
{
    /// <summary>The closest candidate, when it is close enough to be a plausible typo; otherwise null.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var wanted = Squash(input);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(wanted, Squash(candidate));
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        var limit = Math.Max(1, Math.Max(wanted.Length, 3) / 3);
        return best is not null && bestDistance <= limit ? best : null;
    }

    /// <summary><c> (did you mean "x"?)</c>, or "" when nothing is close.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } s ? $" (did you mean \"{s}\"?)" : "";

    /// <summary>Case and separators do not count: isolationMode, Isolation-Mode and isolation_mode compare equal.</summary>
    private static string Squash(string s) =>
        new(s.ToLowerInvariant().Where(c => c is not ('-' or '_') && !char.IsWhiteSpace(c)).ToArray());

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diag = prev[0];
            prev[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var up = prev[j];
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                prev[j] = Math.Min(Math.Min(up + 1, prev[j - 1] + 1), diag + cost);
                diag = up;
            }
        }

        return prev[b.Length];
    }
}
