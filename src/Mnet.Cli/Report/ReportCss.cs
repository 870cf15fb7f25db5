namespace Mnet.Cli.Report;

/// <summary>The report page's stylesheet, inlined so the HTML file is self-contained (no network, prints well).</summary>
public static class ReportCss
{
    public const string Text = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; background: #f3f4f6; }
        main { max-width: 1080px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 6px; }
        h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid #d1d5db; padding-bottom: 4px; }
        h3 { font-size: 17px; margin: 0 0 2px; }
        h4 { font-size: 14px; margin: 18px 0 6px; color: #374151; text-transform: uppercase; letter-spacing: .04em; }
        code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #4b5563; word-break: break-all; }
        .headline { font-size: 16px; font-weight: 600; padding: 10px 14px; border-radius: 8px; margin: 12px 0; }
        .headline.good { background: #dcfce7; color: #166534; }
        .headline.bad { background: #fee2e2; color: #991b1b; }
        .meta { color: #4b5563; }
        table { border-collapse: collapse; width: 100%; background: #fff; margin: 6px 0 10px; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
        th { background: #f9fafb; font-size: 12px; color: #374151; text-transform: uppercase; letter-spacing: .03em; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.changed { font-weight: 600; color: #0f766e; }
        .card { background: #fff; border: 1px solid #d1d5db; border-radius: 10px; padding: 18px 20px; margin: 18px 0; }
        .card header { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; flex-wrap: wrap; }
        .pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .good { background: #dcfce7; color: #166534; }
        .idle { background: #e5e7eb; color: #374151; }
        .busy { background: #fef3c7; color: #92400e; }
        .bad { background: #fee2e2; color: #991b1b; }
        .diagram { overflow-x: auto; margin: 8px 0; }
        .diagram svg { max-width: 100%; height: auto; }
        details summary { cursor: pointer; color: #374151; font-weight: 600; margin: 8px 0; }
        ul.lines { margin: 4px 0 0; padding-left: 20px; color: #374151; }
        ul.warnings li { color: #92400e; }
        footer { margin-top: 32px; color: #6b7280; font-size: 12px; }
        @media print { body { background: #fff; } .card { break-inside: avoid; } }
        """;
}
