using System.Globalization;
using Mnet.Core.Drift;
using Mnet.Core.Resources;

namespace Mnet.Cli.Output;

/// <summary>A drift report for people: the summary line, then drifted, refused and skipped workspaces.</summary>
public static class DriftView
{
    public static IReadOnlyList<string> Render(DriftReport report, Style style)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(style);
        var lines = new List<string> { style.Bold($"Drift: {report.Summarize()}") };
        if (report.Drifted.Count > 0)
        {
            lines.Add("");
            lines.Add(style.Yellow($"Drifted ({report.Drifted.Count}):"));
            var rows = report.Drifted.Select(d => (IReadOnlyList<string>)
            [
                d.Name,
                d.Kind,
                d.Plan.ActualMode == d.Plan.DesiredMode ? $"{d.Plan.ActualMode}" : $"{d.Plan.ActualMode} -> {d.Plan.DesiredMode}",
                d.Plan.Steps.Count.ToString(CultureInfo.InvariantCulture),
                d.Reasons.Count > 0 ? d.Reasons[0] : "",
            ]).ToList();
            lines.AddRange(TextTable.Render(
                [new("WORKSPACE"), new("KIND"), new("MODE"), new("STEPS", true), new("FIRST DIFFERENCE")], rows).Select(l => $"  {l}"));
        }

        if (report.Refused.Count > 0)
        {
            lines.Add("");
            lines.Add(style.Red($"Refused ({report.Refused.Count}):"));
            lines.AddRange(report.Refused.Select(r => $"  {r.Name}: {r.Reason} [{r.Rule}]"));
        }

        if (report.Skipped.Count > 0)
        {
            lines.Add("");
            lines.Add(style.Dim($"Skipped ({report.Skipped.Count}):"));
            lines.AddRange(report.Skipped.Select(s => style.Dim($"  {NameOf(s.WorkspaceId)}: {s.Reason}")));
        }

        if (!report.HasDrift)
        {
            lines.Add("");
            lines.Add(style.Green($"compliant: all {report.InScope} in-scope workspaces"));
        }

        lines.Add("");
        lines.Add(style.Dim("Computes are not part of a scan (Resource Graph has none); mnet plan --workspace reads them."));
        return lines;
    }

    private static string NameOf(string workspaceId) =>
        ResourceId.TryParse(workspaceId, out var id) && id.Name is { } name ? name : workspaceId;
}
