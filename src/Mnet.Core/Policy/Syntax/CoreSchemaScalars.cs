using System.Globalization;
using System.Text.RegularExpressions;

namespace Mnet.Core.Policy.Syntax;

/// <summary>
/// Types a plain (unquoted, untagged) YAML scalar by the YAML 1.2 core schema: <c>yes</c> stays a string,
/// <c>~</c>/<c>null</c>/empty is null, <c>0x1F</c> and <c>0o17</c> are integers. Quoted scalars are always strings.
/// </summary>
internal static partial class CoreSchemaScalars
{
    public static object? Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }
        if (Octal().IsMatch(text)) return (double)Convert.ToInt64(text[2..], 8);
        if (Hex().IsMatch(text))
        {
            return (double)long.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        if (Decimal().IsMatch(text)) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return text;
    }

    [GeneratedRegex("^0o[0-7]{1,20}$")]
    private static partial Regex Octal();

    [GeneratedRegex("^0x[0-9a-fA-F]{1,15}$")]
    private static partial Regex Hex();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Decimal();
}
