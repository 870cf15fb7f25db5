using System.Globalization;
using System.Text.RegularExpressions;

namespace Mnet.Arm.Http;

/// <summary>
/// How long the service asked us to wait. ARM sends <c>Retry-After</c> (seconds or an HTTP date); some services send
/// <c>x-ms-retry-after-ms</c> / <c>retry-after-ms</c>, which are more precise and win when present.
/// </summary>
public static partial class RetryAfter
{
    /// <param name="header">Looks a response header up by name (any case); null when absent.</param>
    public static TimeSpan? Parse(Func<string, string?> header, DateTimeOffset now)
    {
        foreach (var name in new[] { "x-ms-retry-after-ms", "retry-after-ms" })
        {
            if (NonNegativeNumber(header(name)) is { } ms) return TimeSpan.FromMilliseconds(ms);
        }
        var raw = header("retry-after")?.Trim();
        if (string.IsNullOrEmpty(raw)) return null;
        if (NonNegativeNumber(raw) is { } seconds) return TimeSpan.FromSeconds(seconds);
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return null;
        }
        var wait = date - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private static double? NonNegativeNumber(string? raw) =>
        raw is not null && NumberPattern().IsMatch(raw)
            ? double.Parse(raw.Trim(), CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"^\s*\d+(\.\d+)?\s*$")]
    private static partial Regex NumberPattern();
}
