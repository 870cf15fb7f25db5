using System.Globalization;
using System.Text.RegularExpressions;

namespace Mnet.Core.Policy.Rules;

/// <summary>
/// Service-tag port ranges: "443", "80,443", "8000-8010", "80, 8080" (az ml writes a space after the comma).
/// </summary>
internal static partial class PortRanges
{
    private const int MaxPort = 65535;

    /// <summary>The first problem, or null when every part is a port (1-65535) or a range a-b with a &lt;= b.</summary>
    public static string? Problem(string value)
    {
        if (value.Trim().Length == 0) return "must list at least one port";
        foreach (var raw in value.Split(','))
        {
            var part = raw.Trim();
            var m = PartPattern().Match(part);
            if (!m.Success) return $"\"{part}\" is not a port or a range like 8000-8010";
            var from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var to = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : from;
            foreach (var p in new[] { from, to })
            {
                if (p is < 1 or > MaxPort) return $"port {p} is outside 1-{MaxPort}";
            }
            if (from > to) return $"range {part} runs backwards (the start must not exceed the end)";
        }
        return null;
    }

    [GeneratedRegex(@"^([0-9]{1,5})(?:-([0-9]{1,5}))?\z")]
    private static partial Regex PartPattern();
}
