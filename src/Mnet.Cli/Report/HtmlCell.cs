namespace Mnet.Cli.Report;

/// <summary>One table cell of the HTML report: text (escaped when rendered) or HTML already escaped (pills, links).</summary>
internal sealed record HtmlCell(string Text, string? Class = null, string? Html = null);
