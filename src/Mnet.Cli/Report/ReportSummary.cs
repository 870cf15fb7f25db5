namespace Mnet.Cli.Report;

/// <summary>Facts both renderers print the same way, so the Markdown and the HTML never disagree. Pure.</summary>
public static class ReportSummary
{
    static readonly (string Label, Func<NetworkView, string> Read)[] Fields =
    [
        ("Isolation mode", v => v.IsolationMode),
        ("Network status", v => v.NetworkStatus ?? "unknown"),
        ("Firewall SKU", v => v.FirewallSku ?? "none"),
        ("Public network access", v => v.PublicNetworkAccess ?? "unknown"),
        ("Outbound rules", RuleCounts),
        ("Private endpoints", ActivePrivateEndpoints),
        ("Computes", v => v.Computes.Count == 0 ? "none" : string.Join(", ", v.Computes.Select(c => c.Name))),
        ("Online endpoints", v => v.OnlineEndpoints.Count == 0 ? "none" : string.Join(", ", v.OnlineEndpoints)),
    ];

    public static IReadOnlyList<ComparisonRow> Comparison(WorkspaceReport ws) =>
    [
        .. Fields.Select(f =>
        {
            string before = ws.Before is null ? "(did not exist)" : f.Read(ws.Before);
            string after = ws.After is null ? "(not read)" : f.Read(ws.After);
            return new ComparisonRow(f.Label, before, after, before != after);
        }),
    ];

    /// <summary>Emulated time the workspace's orchestrations took, first start to last finish.</summary>
    public static string WorkspaceDuration(WorkspaceReport ws) =>
        ws.Orchestrations.Count == 0
            ? "-"
            : ReportFormat.Duration(ws.Orchestrations.Max(o => o.FinishedAt) - ws.Orchestrations.Min(o => o.StartedAt));

    /// <summary>The step's kind, or its phase id when it is one phase of a step (<c>migrate-computes:snapshot</c>).</summary>
    public static string StepName(StepView s) => s.StepId.StartsWith(s.Kind + ":", StringComparison.Ordinal) ? s.StepId : s.Kind;

    public static string VerdictText(WorkspaceReport ws) => $"{ws.VerdictBefore} \u2192 {ws.VerdictAfter}";

    /// <summary>The badge of an orchestration: what it ended with, not only that it ended (a refused run is not a success).</summary>
    public static string OrchestrationBadge(OrchestrationView o) =>
        o.RuntimeStatus != "Completed" ? o.RuntimeStatus.ToLowerInvariant()
        : o.Result is "refused" or "rejected" or "failed" or "timed-out" ? o.Result
        : "succeeded";

    /// <summary>The run's verdict: the final scan's.</summary>
    public static bool Clean(RunReport run) => run.FinalScan is { Drifted: 0, Refused: 0 };

    /// <summary>The run's one line: what the final scan says, with counts the workspace table agrees with.</summary>
    public static string Headline(RunReport run)
    {
        if (run.FinalScan is not { } after) return "No final scan was recorded.";
        string notScanned = NotScannedCount(run) is var n and > 0 ? $", {n} not scanned" : "";
        return Clean(run)
            ? $"Final scan: all {after.InScope} in-scope workspaces compliant ({after.Skipped} skipped as out of scope{notScanned})."
            : $"Final scan: {after.Drifted} drifted and {after.Refused} refused of {after.InScope} in scope.";
    }

    static int NotScannedCount(RunReport run) => run.Workspaces.Count(w => w.VerdictAfter == WorkspaceVerdicts.NotScanned);

    static string RuleCounts(NetworkView v)
    {
        int Count(string type) => v.Rules.Count(r => r.Type == type);
        return $"{v.Rules.Count} ({Count("PrivateEndpoint")} PE, {Count("FQDN")} FQDN, {Count("ServiceTag")} tag)";
    }

    static string ActivePrivateEndpoints(NetworkView v)
    {
        var pe = v.Rules.Where(r => r.Type == "PrivateEndpoint").ToList();
        return pe.Count == 0 ? "-" : $"{pe.Count(r => r.Status == "Active")} of {pe.Count} Active";
    }
}
