using System.Text.Json;
using Mnet.Core.Planning;
using Mnet.Core.Resources;

namespace Mnet.Cli.Output;

/// <summary>A plan for people: header, step table, per-step details, estimate, warnings.</summary>
public static class PlanView
{
    /// <summary>Resource ids are shown by name (the JSON output keeps the full id).</summary>
    public static string ShortTarget(string target) => ResourceId.TryParse(target, out var id) && id.Name is { } name ? name : target;

    public static string FlagWords(StepFlags flags, Style style)
    {
        var words = new List<string>();
        if (flags.Irreversible) words.Add(style.Red("IRREVERSIBLE"));
        if (flags.Costly) words.Add(style.Yellow("COSTLY"));
        if (flags.Disruptive) words.Add(style.Magenta("DISRUPTIVE"));
        if (flags.NeedsApproval) words.Add(style.Cyan("APPROVAL"));
        return words.Count > 0 ? string.Join(' ', words) : "-";
    }

    public static IReadOnlyList<string> Render(Plan plan, Style style)
    {
        var lines = new List<string>
        {
            $"{style.Bold($"Plan for {plan.WorkspaceName}")} ({plan.Kind}) {style.Dim(plan.WorkspaceId)}",
            $"Policy {plan.PolicyName}: {plan.ActualMode}{(plan.ActualMode == plan.DesiredMode ? "" : $" -> {plan.DesiredMode}")}",
            "",
        };
        if (plan.Refused is { } refused)
        {
            lines.Add($"{style.Red("refused:")} {refused.Reason} [{refused.Rule}]");
        }
        else if (plan.Steps.Count == 0)
        {
            lines.Add(style.Green("compliant: nothing to do"));
        }
        else
        {
            var rows = plan.Steps.Select((step, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                StepKinds.Name(step.Kind),
                ShortTarget(step.Target),
                FlagWords(step.Flags, style),
                step.EstimatedMinutes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                step.Reason,
            ]).ToList();
            lines.AddRange(TextTable.Render(
                [new("#", true), new("STEP"), new("TARGET"), new("FLAGS"), new("MIN", true), new("REASON")], rows));
            var extra = plan.Steps.SelectMany((step, i) => Details(step).Select(d => $"  {i + 1}. {d}")).ToList();
            if (extra.Count > 0)
            {
                lines.Add("");
                lines.AddRange(extra);
            }

            var migrates = plan.Steps.Any(s => s is MigrateComputesStep);
            lines.Add("");
            lines.Add($"Estimated time: {plan.EstimatedMinutes} min{(migrates ? " (plus compute migration)" : "")}");
        }

        if (plan.Warnings.Count > 0)
        {
            lines.Add("");
            lines.Add(style.Bold("Warnings:"));
            lines.AddRange(plan.Warnings.Select(w => $"  {style.Yellow("!")} {w.Message} [{w.Code}]"));
        }

        return lines;
    }

    private static IEnumerable<string> Details(PlanStep step)
    {
        switch (step)
        {
            case MigrateComputesStep { Params: var p }:
                var computes = string.Join(", ", p.Computes.Select(c => $"{c.Name} ({c.ComputeType}{(c.VmSize is { Length: > 0 } size ? $", {size}" : "")})"));
                yield return $"computes deleted and recreated after provisioning: {(computes.Length > 0 ? computes : "none")}";
                if (p.OnlineEndpoints.Count > 0)
                {
                    yield return "online endpoints recreated: " +
                        string.Join(", ", p.OnlineEndpoints.Select(e => $"{e.Name} [{string.Join(", ", e.Deployments)}]"));
                }

                if (p.Skipped.Count > 0)
                {
                    yield return "left in place: " + string.Join(", ", p.Skipped.Select(c => $"{c.Name} ({c.Reason})"));
                }

                yield return $"approval: {Spelling(p.Approval)}, up to {p.MaxParallelDeletes} deletes at a time";
                break;
            case AssignApproverRolesStep { Params: var p }:
                foreach (var a in p.Assignments)
                {
                    yield return $"{a.Role.Name} -> {a.PrincipalId} on {a.Scope}";
                }

                break;
            case SetIsolationModeStep { Params.RequiresConfirmation: true }:
                yield return "needs explicit confirmation";
                break;
            case ProvisionNetworkStep { Params: var p }:
                yield return $"includeSpark: {(p.IncludeSpark ? "true" : "false")}, timeout {p.TimeoutMinutes} min";
                break;
        }
    }

    /// <summary>The JSON spelling (require_approval), the same word the JSON output uses.</summary>
    private static string Spelling(MigrationApproval approval) =>
        JsonSerializer.Serialize(approval, PlanJson.Options).Trim('"');
}
