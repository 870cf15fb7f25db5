using System.Text.RegularExpressions;
using Mnet.TestSupport.Repository;

namespace Mnet.Functions.Tests.Support;

/// <summary>
/// The function tables of docs/api.md: every row whose first cell is a function name in backticks, under a header
/// starting "| function name | trigger |".
/// </summary>
internal static partial class ApiDocFunctions
{
    public static IReadOnlyList<DocumentedFunction> Load() => Parse(File.ReadAllText(RepositoryRoot.Combine("docs", "api.md")));

    public static IReadOnlyList<DocumentedFunction> Parse(string markdown)
    {
        var rows = new List<DocumentedFunction>();
        bool inTable = false;
        foreach (string raw in markdown.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("| function name | trigger |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!line.StartsWith('|'))
            {
                inTable = false;
                continue;
            }

            if (!inTable || line.StartsWith("|---", StringComparison.Ordinal)) continue;
            string[] cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            var name = NameCell().Match(cells[0]);
            if (!name.Success) throw new FormatException($"docs/api.md: a function row must start with a `name`: {line}");
            rows.Add(DocumentedFunction.From(name.Groups[1].Value, cells[1], cells.Length > 3 ? cells[2] : null));
        }

        return rows;
    }

    [GeneratedRegex("^`([A-Za-z][A-Za-z0-9]*)`$")]
    private static partial Regex NameCell();
}
