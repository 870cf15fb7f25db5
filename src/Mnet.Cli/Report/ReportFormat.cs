using System.Globalization;

namespace Mnet.Cli.Report;

/// <summary>Small text helpers both renderers share: durations, times, counts, mode names. Pure.</summary>
public static class ReportFormat
{
    /// <summary><c>0s</c>, <c>45s</c>, <c>12m 5s</c>, <c>1h 30m</c>: emulated time as a person says it.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return "0s";
        long total = (long)Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero);
        if (total < 60) return Invariant($"{total}s");
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long seconds = total % 60;
        if (hours > 0) return minutes > 0 ? Invariant($"{hours}h {minutes}m") : Invariant($"{hours}h");
        return seconds > 0 ? Invariant($"{minutes}m {seconds}s") : Invariant($"{minutes}m");
    }

    /// <summary>Real (wall-clock) time: <c>850 ms</c>, <c>2.4 s</c>.</summary>
    public static string Real(TimeSpan span)
    {
        double ms = span.TotalMilliseconds;
        if (ms < 0 || !double.IsFinite(ms)) return "0 ms";
        return ms < 1000 ? Invariant($"{Math.Round(ms)} ms") : (ms / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s";
    }

    /// <summary><c>2025-01-01 00:30:00 UTC</c>.</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Plural(int n, string word, string? many = null) =>
        Invariant($"{n} {(n == 1 ? word : many ?? word + "s")}");

    /// <summary>Short, human name of an isolation mode for badges.</summary>
    public static string ModeLabel(string mode) => mode switch
    {
        "AllowOnlyApprovedOutbound" => "Approved outbound only",
        "AllowInternetOutbound" => "Internet outbound",
        "Disabled" => "No managed network",
        _ => mode,
    };

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
