using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mnet.Cli.Report;

/// <summary>
/// The network diagram of one workspace as inline SVG: the workspace box (mode badge, network status, firewall, public
/// access) on the left, its outbound rules grouped by type on the right, each private endpoint with its target and
/// status. Pure string building; a fixed-width layout, so no text measuring is needed.
/// </summary>
public static partial class NetworkSvg
{
    const int Width = 900;
    const int Margin = 16;
    const int WsWidth = 236;
    const int GroupX = 296;
    const int GroupWidth = Width - GroupX - Margin;
    const int Header = 26;
    const int Row = 24;
    const int Gap = 14;
    // Rough width of one 12px character, regular and bold: enough to truncate, not to measure.
    const double Char = 6.6;
    const double CharBold = 7.6;

    /// <param name="caption">e.g. "after": part of the accessible label.</param>
    /// <param name="idPrefix">Keeps the arrow marker's id unique when several diagrams share a page.</param>
    public static string Render(string name, string kind, NetworkView view, string caption = "", string idPrefix = "net")
    {
        string markerId = $"{SafeId().Replace(idPrefix, "-")}-arrow";
        var (boxSvg, boxHeight) = WorkspaceBox(name, kind, view);
        var groups = RuleGroups.Of(view.Rules);
        var body = new List<string>();
        var joins = new List<string>();
        int fromY = Margin + 65;
        int y = Margin;
        if (groups.Count == 0)
        {
            const int height = 44;
            body.Add($"<rect x=\"{GroupX}\" y=\"{y}\" width=\"{GroupWidth}\" height=\"{height}\" rx=\"8\" fill=\"#f9fafb\" stroke=\"#9ca3af\" stroke-dasharray=\"4 3\"/>");
            body.Add($"<text x=\"{GroupX + 12}\" y=\"{y + 27}\" font-size=\"12\" fill=\"#6b7280\">No outbound rules</text>");
            joins.Add(Connector(fromY, y + height / 2, markerId));
            y += height + Gap;
        }

        foreach (var group in groups)
        {
            var (svg, height) = GroupBox(group, y);
            body.Add(svg);
            joins.Add(Connector(fromY, y + Header / 2 + 1, markerId));
            y += height + Gap;
        }

        int total = Math.Max(Margin + boxHeight, y - Gap) + Margin;
        string aria = $"Managed network of {name}{(caption.Length > 0 ? $" ({caption})" : "")}: {ReportFormat.ModeLabel(view.IsolationMode)}, {view.Rules.Count} outbound rules";
        var parts = new List<string>
        {
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {total}\" width=\"{Width}\" height=\"{total}\" role=\"img\" aria-label=\"{ReportEscape.Html(aria)}\" font-family=\"system-ui, -apple-system, 'Segoe UI', sans-serif\">",
            $"<defs><marker id=\"{markerId}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#6b7280\"/></marker></defs>",
            boxSvg,
        };
        parts.AddRange(joins);
        parts.AddRange(body);
        parts.Add("</svg>");
        return string.Join("\n", parts);
    }

    static string Fit(string text, double maxPx, bool bold = false)
    {
        int max = Math.Max(4, (int)Math.Floor(maxPx / (bold ? CharBold : Char)));
        return text.Length <= max ? text : text[..(max - 1)] + "\u2026";
    }

    /// <summary>A text element, with the full string as a hover title when it was cut.</summary>
    static string Label(double x, double y, string text, double maxPx, string attrs)
    {
        string shown = Fit(text, maxPx, Bold().IsMatch(attrs));
        string title = shown == text ? "" : $"<title>{ReportEscape.Html(text)}</title>";
        return $"<text x=\"{N(x)}\" y=\"{N(y)}\" {attrs}>{title}{ReportEscape.Html(shown)}</text>";
    }

    static string Pill(double xRight, double yMid, string text)
    {
        var (fg, bg) = Tones.Colors(Tones.Of(text));
        int w = Math.Max(44, (int)Math.Ceiling(text.Length * 6.2) + 14);
        double x = xRight - w;
        return $"<rect x=\"{N(x)}\" y=\"{N(yMid - 9)}\" width=\"{w}\" height=\"18\" rx=\"9\" fill=\"{bg}\"/>" +
            $"<text x=\"{N(x + w / 2.0)}\" y=\"{N(yMid + 4)}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{fg}\">{ReportEscape.Html(text)}</text>";
    }

    static (string Svg, int Height) WorkspaceBox(string name, string kind, NetworkView view)
    {
        string[] lines =
        [
            $"network: {view.NetworkStatus ?? "unknown"}{(view.SparkReady == true ? " (Spark ready)" : "")}",
            $"firewall: {view.FirewallSku ?? "none"}",
            $"public access: {view.PublicNetworkAccess ?? "unknown"}",
            $"{ReportFormat.Plural(view.Computes.Count, "compute")}, {ReportFormat.Plural(view.Rules.Count, "rule")}",
        ];
        int height = 92 + lines.Length * 18;
        const int x = Margin;
        const int y = Margin;
        var sb = new StringBuilder();
        sb.Append($"<rect x=\"{x}\" y=\"{y}\" width=\"{WsWidth}\" height=\"{height}\" rx=\"10\" fill=\"#ffffff\" stroke=\"#1f2937\" stroke-width=\"1.5\"/>");
        sb.Append(Label(x + 14, y + 26, name, WsWidth - 28, "font-size=\"15\" font-weight=\"600\" fill=\"#111827\""));
        sb.Append(Label(x + 14, y + 44, $"{kind} workspace", WsWidth - 28, "font-size=\"11\" fill=\"#6b7280\""));
        sb.Append($"<rect x=\"{x + 14}\" y=\"{y + 54}\" width=\"{WsWidth - 28}\" height=\"22\" rx=\"11\" fill=\"{Tones.ModeColor(view.IsolationMode)}\"/>");
        sb.Append($"<text x=\"{x + WsWidth / 2}\" y=\"{y + 69}\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"#ffffff\">{ReportEscape.Html(Fit(ReportFormat.ModeLabel(view.IsolationMode), WsWidth - 40))}</text>");
        for (int i = 0; i < lines.Length; i++)
        {
            sb.Append(Label(x + 14, y + 98 + i * 18, lines[i], WsWidth - 28, "font-size=\"12\" fill=\"#374151\""));
        }

        return (sb.ToString(), height);
    }

    static string RuleRowSvg(RuleRow row, int y)
    {
        double mid = y + Row / 2.0;
        string name, target, status;
        bool muted = row.IsFolded;
        if (row.Rule is { } rule)
        {
            name = rule.Name;
            target = rule.Target is not null ? "\u2192 " + RuleGroups.TargetText(rule) : RuleGroups.TargetText(rule);
            status = rule.Status ?? "";
        }
        else
        {
            (name, target, status) = (row.FoldedName, row.FoldedText, row.FoldedStatus);
        }

        int statusWidth = status.Length == 0 ? 0 : 96;
        const int nameWidth = 230;
        int targetWidth = GroupWidth - nameWidth - statusWidth - 30;
        return Label(GroupX + 12, mid + 4, name, nameWidth - 8, $"font-size=\"12\" font-weight=\"600\" fill=\"{(muted ? "#6b7280" : "#111827")}\"") +
            Label(GroupX + 12 + nameWidth, mid + 4, target, targetWidth, $"font-size=\"12\" fill=\"{(muted ? "#6b7280" : "#374151")}\"") +
            (status.Length == 0 ? "" : Pill(GroupX + GroupWidth - 10, mid, status));
    }

    static (string Svg, int Height) GroupBox(RuleGroup group, int y)
    {
        int height = Header + group.Rows.Count * Row + 8;
        var sb = new StringBuilder();
        sb.Append($"<rect x=\"{GroupX}\" y=\"{y}\" width=\"{GroupWidth}\" height=\"{height}\" rx=\"8\" fill=\"#f9fafb\" stroke=\"#9ca3af\"/>");
        sb.Append($"<text x=\"{GroupX + 12}\" y=\"{y + 18}\" font-size=\"12\" font-weight=\"700\" fill=\"#1f2937\">{ReportEscape.Html(group.Title)} ({group.Rules.Count})</text>");
        for (int i = 0; i < group.Rows.Count; i++) sb.Append(RuleRowSvg(group.Rows[i], y + Header + i * Row));
        return (sb.ToString(), height);
    }

    static string Connector(double fromY, double toY, string markerId)
    {
        const int x1 = Margin + WsWidth;
        const int x2 = GroupX;
        const double mx = (x1 + x2) / 2.0;
        return $"<path d=\"M{x1} {N(fromY)} C{N(mx)} {N(fromY)}, {N(mx)} {N(toY)}, {x2} {N(toY)}\" fill=\"none\" stroke=\"#6b7280\" stroke-width=\"1.5\" marker-end=\"url(#{markerId})\"/>";
    }

    static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex("font-weight=\"(600|700)\"")]
    private static partial Regex Bold();

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex SafeId();
}
