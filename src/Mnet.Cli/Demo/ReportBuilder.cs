using Mnet.Cli.Report;
using Mnet.Core.Resources;

namespace Mnet.Cli.Demo;

/// <summary>Assembles the run report from what was recorded: the scans, the API's answers, the reads through ARM.</summary>
public static class ReportBuilder
{
    public static WorkspaceReport Workspace(Workspace ws, WorkspaceNotes notes, NetworkView? before, NetworkView? after,
        DriftScanResult first, DriftScanResult final, IReadOnlyList<string> scannedSubscriptions)
    {
        var (verdictBefore, _) = VerdictIn(first, ws.Id, scannedSubscriptions);
        var (verdictAfter, reason) = VerdictIn(final, ws.Id, scannedSubscriptions);
        var noteParts = new List<string>(notes.Notes);
        if (noteParts.Count == 0 && reason is not null && verdictAfter is WorkspaceVerdicts.Skipped or WorkspaceVerdicts.NotScanned or WorkspaceVerdicts.Refused)
        {
            noteParts.Add($"{verdictAfter}: {reason}");
        }

        return new WorkspaceReport
        {
            WorkspaceId = ws.Id,
            Name = ws.Name,
            Kind = ws.Kind ?? "Default",
            ResourceGroup = ResourceId.TryParse(ws.Id, out var id) ? id.ResourceGroup ?? "" : "",
            Before = before,
            After = after,
            VerdictBefore = before is null ? WorkspaceVerdicts.Absent : verdictBefore,
            VerdictAfter = verdictAfter,
            Note = noteParts.Count > 0 ? string.Join(" ", noteParts) : null,
            PlannedSteps = notes.PlannedSteps,
            Orchestrations = [.. notes.Orchestrations.OrderBy(o => o.StartedAt)],
            Steps = notes.Steps,
            Warnings = [.. notes.Warnings.Distinct(StringComparer.Ordinal)],
            Posture = notes.Posture,
        };
    }

    /// <summary>A workspace's verdict in one scan, and why (skipped, refused, not scanned).</summary>
    public static (string Verdict, string? Reason) VerdictIn(DriftScanResult scan, string workspaceId, IReadOnlyList<string> scannedSubscriptions)
    {
        bool Same(ScanRow r) => string.Equals(r.WorkspaceId, workspaceId, StringComparison.OrdinalIgnoreCase);
        if (scan.Drifted.FirstOrDefault(Same) is { } d) return (WorkspaceVerdicts.Drifted, d.Reasons.FirstOrDefault());
        if (scan.Refused.FirstOrDefault(Same) is { } r) return (WorkspaceVerdicts.Refused, $"{r.Reasons.FirstOrDefault()} [{r.Rule}]");
        if (scan.Skipped.FirstOrDefault(Same) is { } s) return (WorkspaceVerdicts.Skipped, s.Reasons.FirstOrDefault());
        string sub = ResourceId.TryParse(workspaceId, out var id) ? id.SubscriptionId : "";
        return scannedSubscriptions.Contains(sub, StringComparer.OrdinalIgnoreCase)
            ? (WorkspaceVerdicts.Compliant, null)
            : (WorkspaceVerdicts.NotScanned, $"subscription {sub} is not one the app scans");
    }
}
