namespace Mnet.Bench.Lib;

public static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The most instants falling in any window of <paramref name="window"/> (closed at the start, open at the end).</summary>
    public static int MaxInWindow(IEnumerable<DateTimeOffset> instants, TimeSpan window)
    {
        var sorted = instants.Order().ToArray();
        int best = 0;
        int start = 0;
        for (int end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= window) start++;
            best = Math.Max(best, end - start + 1);
        }

        return best;
    }
}
