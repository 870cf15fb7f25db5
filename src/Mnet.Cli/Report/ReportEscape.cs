using System.Text.RegularExpressions;

namespace Mnet.Cli.Report;

/// <summary>Escaping for the three output languages: HTML/SVG text and attributes, Markdown, Mermaid labels.</summary>
public static partial class ReportEscape
{
    public static string Html(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>A Markdown table cell: pipes would split the cell, newlines end the row, <c>&lt;</c> could open HTML.</summary>
    public static string Cell(string text) => NewLine().Replace(text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal), " ");

    /// <summary>Inline Markdown: characters that would start formatting (or an HTML tag) are escaped.</summary>
    public static string Markdown(string text) => MarkdownSpecial().Replace(text, "\\$1");

    /// <summary>Inside a Mermaid <c>"..."</c> label: quotes and angle brackets as entity codes, no newlines.</summary>
    public static string Mermaid(string text) => NewLine().Replace(text
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal), " ");

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex NewLine();

    [GeneratedRegex(@"([\\`*_\[\]<|])")]
    private static partial Regex MarkdownSpecial();
}
