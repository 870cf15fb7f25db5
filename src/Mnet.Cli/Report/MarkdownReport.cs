using System.Globalization;
using System.Text.RegularExpressions;
using E = Mnet.Cli.Report.ReportEscape;

namespace Mnet.Cli.Report;

/// <summary>
/// The run report as Markdown: summary, scans, phases, then per workspace before/after, posture findings, steps,
/// warnings and a Mermaid diagram of its managed network. Pure.
/// </summary>
public static partial class MarkdownReport
{
    public static string Render(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = new List<string> { $"# {E.Markdown(run.Title)}", "", $"**{E.Markdown(ReportSummary.Headline(run))}**", "" };
        o.Add($"Policy **{E.Markdown(run.PolicyName)}** (`{run.PolicySource}`) against {E.Markdown(run.Target)}. " +
            $"Run from {ReportFormat.Time(run.StartedAt)} to {ReportFormat.Time(run.FinishedAt)} (real time, {ReportFormat.Real(run.Real)}), " +
            $"covering {ReportFormat.Duration(run.Emulated)} of emulated time.");
        o.Add("");
        o.Add("Every value below was recorded from the run: the API's answers, the orchestrations' records, and the workspaces read back through Azure Resource Manager.");
        o.Add("");
        o.AddRange(["## Drift scans", ""]);
        o.AddRange(Table(["Scan", "At (emulated clock)", "Scanned", "In scope", "Compliant", "Drifted", "Refused", "Skipped"],
            [ScanRow("First", run.FirstScan), ScanRow("Final", run.FinalScan)]));
        o.AddRange(["", "## Phases", ""]);
        o.AddRange(Table(["#", "Phase", "Status", "Emulated time", "Real time"],
        [
            .. run.Phases.Select((p, i) => new[] { N(i + 1), p.Title, p.Status, ReportFormat.Duration(p.Emulated), ReportFormat.Real(p.Real) }),
        ]));
        o.Add("");
        for (int i = 0; i < run.Phases.Count; i++)
        {
            var p = run.Phases[i];
            if (p.Lines.Count == 0) continue;
            o.Add($"{i + 1}. **{E.Markdown(p.Title)}**");
            o.AddRange(p.Lines.Select(l => $"   - {E.Markdown(l)}"));
        }

        o.AddRange(["", "## Workspaces", ""]);
        o.AddRange(Table(["Workspace", "Kind", "Verdict", "Mode before", "Mode after", "Steps", "Took (emulated)"],
        [
            .. run.Workspaces.Select(ws => new[]
            {
                ws.Name, ws.Kind, ReportSummary.VerdictText(ws), ws.Before?.IsolationMode ?? "-", ws.After?.IsolationMode ?? "-",
                N(ws.Steps.Count), ReportSummary.WorkspaceDuration(ws),
            }),
        ]));
        o.Add("");
        foreach (var ws in run.Workspaces) o.AddRange(Section(ws));
        if (run.Warnings.Count > 0)
        {
            o.AddRange(["## Warnings", ""]);
            o.AddRange(run.Warnings.Select(w => $"- {E.Markdown(w)}"));
            o.Add("");
        }

        o.Add("_Start and end times are real UTC; step times and durations are on the emulator's clock (emulated)._");
        return BlankRuns().Replace(string.Join("\n", o), "\n\n").TrimEnd() + "\n";
    }

    static List<string> Section(WorkspaceReport ws)
    {
        var o = new List<string> { $"### {E.Markdown(ws.Name)}", "", $"`{ws.WorkspaceId}`", "" };
        o.Add($"- **Kind:** {E.Markdown(ws.Kind)}, resource group `{ws.ResourceGroup}`");
        o.Add($"- **Verdict:** {ReportSummary.VerdictText(ws)}");
        if (ws.Note is not null) o.Add($"- **Note:** {E.Markdown(ws.Note)}");
        o.Add($"- **Time taken (emulated):** {ReportSummary.WorkspaceDuration(ws)}");
        o.Add("");
        if (ws.Posture is { } posture)
        {
            o.AddRange([$"#### Posture audit ({ReportFormat.Plural(posture.Findings.Count, "finding")})", "", $"Read through {E.Markdown(posture.Source)}, before the move.", ""]);
            if (posture.Findings.Count > 0)
            {
                o.AddRange(Table(["Severity", "Resource", "Problem", "Fix", "Source"],
                    [.. posture.Findings.Select(f => new[] { f.Severity, f.Resource, f.Problem, f.Fix, $"{f.Source}: \"{f.Reason}\"" })]));
                o.Add("");
            }

            foreach (string c in posture.ComputesToRecreate) o.Add($"- recreate compute {E.Markdown(c)}");
            foreach (string r in posture.OutboundRules) o.Add($"- outbound rule {E.Markdown(r)}");
            o.Add("");
        }

        o.AddRange(["#### Before and after (read through ARM)", ""]);
        o.AddRange(Table(["", "Before", "After"],
            [.. ReportSummary.Comparison(ws).Select(r => new[] { r.Label, r.Before, r.Changed ? $"**{r.After}**" : r.After })]));
        o.Add("");
        if (ws.PlannedSteps.Count > 0)
        {
            o.AddRange(["#### Plan", ""]);
            o.AddRange(ws.PlannedSteps.Select((s, i) => $"{i + 1}. {E.Markdown(s)}"));
            o.Add("");
        }

        o.AddRange(["#### Steps taken", ""]);
        if (ws.Steps.Count == 0)
        {
            o.Add(ws.Orchestrations.Count == 0 ? "_Nothing was run on this workspace._" : "_The orchestrations recorded no steps._");
        }
        else
        {
            o.AddRange(Table(["Orchestration", "Step", "Status", "Started (emulated clock)", "Took (emulated)", "Detail"],
            [
                .. ws.Steps.Select(s => new[]
                {
                    s.Orchestration, ReportSummary.StepName(s), s.Status, ReportFormat.Time(s.StartedAt), ReportFormat.Duration(s.Duration), s.Error ?? s.Detail ?? "",
                }),
            ]));
        }

        o.Add("");
        if (ws.Orchestrations.Count > 0)
        {
            o.AddRange(Table(["Orchestration", "Instance", "Trigger", "Status", "Result", "Took (emulated)"],
            [
                .. ws.Orchestrations.Select(x => new[]
                {
                    x.Name, x.InstanceId, x.Trigger ?? "-", ReportSummary.OrchestrationBadge(x), x.Result ?? "-", ReportFormat.Duration(x.Duration),
                }),
            ]));
            o.Add("");
        }

        if (ws.Warnings.Count > 0)
        {
            o.AddRange(["#### Warnings", ""]);
            o.AddRange(ws.Warnings.Select(w => $"- {E.Markdown(w)}"));
            o.Add("");
        }

        var view = ws.After ?? ws.Before;
        string when = ws.After is not null ? "after" : "before";
        if (view is { IsManaged: true })
        {
            o.AddRange([$"#### Network {when}: {E.Markdown(ReportFormat.ModeLabel(view.IsolationMode))}", "", "```mermaid"]);
            o.AddRange(NetworkMermaid.Render(ws.Name, ws.Kind, view));
            o.AddRange(["```", ""]);
        }
        else if (view is not null)
        {
            o.AddRange([$"#### Network {when}: {E.Markdown(ReportFormat.ModeLabel(view.IsolationMode))}", "", "_No managed network: nothing to draw._", ""]);
        }

        if (ws.Before is { IsManaged: true } before && ws.After is not null)
        {
            o.AddRange(["<details><summary>Network before</summary>", "", "```mermaid"]);
            o.AddRange(NetworkMermaid.Render(ws.Name, ws.Kind, before));
            o.AddRange(["```", "", "</details>", ""]);
        }

        return o;
    }

    static IEnumerable<string> Table(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        yield return $"| {string.Join(" | ", headers.Select(E.Cell))} |";
        yield return $"|{string.Join("|", headers.Select(_ => "---"))}|";
        foreach (var r in rows) yield return $"| {string.Join(" | ", r.Select(E.Cell))} |";
    }

    static string[] ScanRow(string label, ScanView? scan) => scan is null
        ? [label, "-", "-", "-", "-", "-", "-", "-"]
        : [label, ReportFormat.Time(scan.At), N(scan.Scanned), N(scan.InScope), N(scan.Compliant), N(scan.Drifted), N(scan.Refused), N(scan.Skipped)];

    static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
