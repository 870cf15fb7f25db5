using System.Globalization;
using Mnet.Core.Drift;
using Mnet.Core.Resources;

namespace Mnet.Cli.Output;

/// <summary>
/// A drift report for people: the summary line, then drifted, refused and skipped workspaces, then the posture of the
/// workspaces without a managed network.
/// </summary>
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

        lines.AddRange(Posture(report.Posture, style));
        lines.Add("");
        lines.Add(style.Dim("Computes are not part of a scan (Resource Graph has none); mnet plan --workspace reads them."));
        return lines;
    }

    /// <summary>
    /// The report's posture section, short: per workspace without a managed network its finding counts and readiness
    /// line, and the command that prints the full audit. Nothing when the report has no section or no such workspace.
    /// </summary>
    private static IEnumerable<string> Posture(DriftPosture? posture, Style style)
    {
        if (posture is null)
        {
            yield break;
        }

        if (posture.Unavailable is { } reason)
        {
            yield return "";
            yield return style.Dim($"Posture of workspaces without a managed network: not available ({reason})");
            yield break;
        }

        if (posture.Workspaces.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return style.Yellow($"Without a managed network ({posture.Workspaces.Count}), posture from Resource Graph:");
        foreach (var w in posture.Workspaces)
        {
            var counts = $"{w.High} high, {w.Medium} medium, {w.Low} low, {w.Info} info";
            yield return $"  {w.Name}: {(w.High > 0 ? style.Red(counts) : counts)}";
            yield return $"    readiness: {w.Readiness}";
            yield return style.Dim($"    run mnet audit --workspace {w.WorkspaceId} for the full audit");
        }
    }

    private static string NameOf(string workspaceId) =>
        ResourceId.TryParse(workspaceId, out var id) && id.Name is { } name ? name : workspaceId;
}
