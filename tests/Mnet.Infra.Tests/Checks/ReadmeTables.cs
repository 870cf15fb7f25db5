using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>Tables of infra/README.md the checks read.</summary>
public static partial class ReadmeTables
{
    /// <summary>Rows <c>| `NAME` | reason |</c> of the section whose heading mentions "not set by infra".</summary>
    public static IReadOnlyDictionary<string, string> NotSetByInfra(string readme)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var line in readme.Split('\n'))
        {
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                inSection = heading.Groups[1].Value.Contains("not set by infra", StringComparison.OrdinalIgnoreCase);
                continue;
            }
            if (!inSection) continue;
            var row = Row().Match(line.Trim());
            if (!row.Success || row.Groups[1].Value.Equals("setting", StringComparison.OrdinalIgnoreCase)) continue;
            rows[row.Groups[1].Value] = row.Groups[2].Value.Replace("|", "", StringComparison.Ordinal).Trim();
        }
        return rows;
    }

    [GeneratedRegex(@"^#{1,6}\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\|\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s*\|\s*(.*?)\s*\|\s*$")]
    private static partial Regex Row();
}
