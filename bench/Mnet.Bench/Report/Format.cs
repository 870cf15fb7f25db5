using System.Globalization;

namespace Mnet.Bench.Report;

/// <summary>Numbers as the report prints them (invariant culture).</summary>
public static class Format
{
    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Ms(double value) => $"{N(value, value < 10 ? 1 : 0)} ms";

    public static string Mb(double value) => $"{N(value, 1)} MB";

    public static string Kb(long bytes) => $"{N(bytes / 1024.0, 1)} KB";

    public static string X(double value) => $"{N(value, 2)}x";

    public static string Min(double value) => $"{N(value, 1)} min";
}
