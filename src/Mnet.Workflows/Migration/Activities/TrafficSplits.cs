namespace Mnet.Workflows.Migration.Activities;

/// <summary>Traffic splits compared as the service treats them: zero-percent entries are absent ones, names ignore case.</summary>
public static class TrafficSplits
{
    public static bool Same(IReadOnlyDictionary<string, int>? a, IReadOnlyDictionary<string, int>? b) =>
        Normal(a).SequenceEqual(Normal(b));

    static IEnumerable<(string, int)> Normal(IReadOnlyDictionary<string, int>? split) =>
        (split ?? new Dictionary<string, int>())
            .Where(p => p.Value != 0)
            .Select(p => (p.Key.ToLowerInvariant(), p.Value))
            .OrderBy(p => p.Item1, StringComparer.Ordinal);

    /// <summary>{"blue":70,"green":30}, for messages.</summary>
    public static string Describe(IReadOnlyDictionary<string, int>? split) =>
        "{" + string.Join(",", (split ?? new Dictionary<string, int>()).Select(p => $"\"{p.Key}\":{p.Value}")) + "}";
}
