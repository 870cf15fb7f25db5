using Mnet.Cli.Report;

namespace Mnet.Cli.Demo;

/// <summary>Writes the two renderings of a run report next to each other: &lt;dir&gt;/demo.html and &lt;dir&gt;/demo.md.</summary>
public static class ReportWriter
{
    public static async Task<(string Html, string Markdown)> WriteAsync(RunReport report, string dir, CancellationToken cancellationToken, string name = "demo")
    {
        Directory.CreateDirectory(dir);
        string html = Path.Combine(dir, $"{name}.html");
        string markdown = Path.Combine(dir, $"{name}.md");
        await File.WriteAllTextAsync(html, HtmlReport.Render(report), cancellationToken);
        await File.WriteAllTextAsync(markdown, MarkdownReport.Render(report), cancellationToken);
        return (html, markdown);
    }
}
