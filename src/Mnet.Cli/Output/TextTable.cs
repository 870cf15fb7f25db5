using System.Text.RegularExpressions;

namespace Mnet.Cli.Output;

/// <summary>Plain-text tables: left-aligned columns (or right-aligned numbers), the last column never padded.</summary>
public static partial class TextTable
{
    public sealed record Column(string Header, bool AlignRight = false);

    public static IReadOnlyList<string> Render(IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = columns
            .Select((c, i) => rows.Select(r => VisibleWidth(i < r.Count ? r[i] : "")).Prepend(VisibleWidth(c.Header)).Max())
            .ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", columns.Select((c, i) =>
        {
            var cell = i < cells.Count ? cells[i] : "";
            if (i == columns.Count - 1)
            {
                return cell;
            }

            var fill = new string(' ', Math.Max(0, widths[i] - VisibleWidth(cell)));
            return c.AlignRight ? fill + cell : cell + fill;
        })).TrimEnd();
        return [Line(columns.Select(c => c.Header).ToArray()), .. rows.Select(Line)];
    }

    /// <summary>Width as seen on screen: color codes take none.</summary>
    public static int VisibleWidth(string text) => Ansi().Replace(text, "").Length;

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex Ansi();
}
