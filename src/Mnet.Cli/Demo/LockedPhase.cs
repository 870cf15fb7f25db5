using System.Text.Json.Nodes;
using Mnet.Cli.Report;
using Mnet.Core.Resources;

namespace Mnet.Cli.Demo;

/// <summary>
/// Workspaces the policy leaves out whose resource group (or themselves) carry a management lock: the demo asks the
/// service for a plan anyway, as a ticket system might, and shows the refusal up front (the service's scope fence:
/// nothing is planned or written), the lock as ARM lists it, and the workspace read back unchanged. The final scan
/// still skips them. (With the exclusion lifted, the planner itself refuses, rule scope-lock: the TS demo showed that
/// with an inline policy, which the C# API accepts for dry runs only and behind the app policy's fence.)
/// </summary>
public static class LockedPhase
{
    public static async Task<IReadOnlyList<string>> RunAsync(DemoEnvironment env, DemoApi api, DemoRecorder recorder,
        DriftScanResult scan, List<string> lines, CancellationToken cancellationToken)
    {
        var outcomes = new List<string>();
        foreach (var skipped in scan.Skipped)
        {
            if (!ResourceId.TryParse(skipped.WorkspaceId, out var id) || id.ResourceGroup is null) continue;
            string group = $"/subscriptions/{id.SubscriptionId}/resourceGroups/{id.ResourceGroup}";
            var locks = new List<string>();
            foreach (var (scope, where) in new[] { (group, $"resource group {id.ResourceGroup}"), (skipped.WorkspaceId, "the workspace") })
            {
                foreach (var l in await env.Arm.ListLocksAsync(scope, cancellationToken))
                {
                    if (!l.Id.StartsWith(scope + "/providers/", StringComparison.OrdinalIgnoreCase)) continue;
                    locks.Add($"{l.Properties.Level} lock \"{l.Name}\" on {where}{(l.Properties.Notes is { Length: > 0 } note ? $" ({note})" : "")}");
                }
            }

            if (locks.Count == 0) continue;
            var notes = recorder.Workspace(skipped.WorkspaceId);
            string reason = skipped.Reasons.FirstOrDefault() ?? "";
            notes.Notes.Add($"skipped: scope lock. The scan left it out ({reason}); ARM lists {string.Join("; ", locks)}.");
            lines.Add($"{skipped.Name}: {string.Join("; ", locks)}; the policy leaves it out ({reason})");
            var before = await NetworkViewReader.ReadAsync(env.Arm, skipped.WorkspaceId, env.Now, cancellationToken);
            // Asked anyway, as a ticket system would: the service refuses before anything is read for a write.
            var answer = await api.PostAsync("/api/v1/plan", new JsonObject { ["workspaceId"] = skipped.WorkspaceId }, cancellationToken);
            string outcome;
            if (answer.Status == 200 && answer.Body["plan"]?["refused"] is JsonObject refused)
            {
                string rule = refused["rule"]?.ToString() ?? "";
                outcome = $"POST /api/v1/plan: refused up front ({rule}: {refused["reason"]})";
                notes.Warnings.Add($"{rule}: {refused["reason"]}");
            }
            else if (answer.Status == 200)
            {
                outcome = "POST /api/v1/plan answered with a plan (not refused)";
            }
            else
            {
                outcome = $"refused up front: {DemoApi.Describe("POST /api/v1/plan", answer)}";
                notes.Warnings.Add(DemoApi.Describe("POST /api/v1/plan", answer));
            }

            lines.Add(outcome);
            var after = await NetworkViewReader.ReadAsync(env.Arm, skipped.WorkspaceId, env.Now, cancellationToken);
            var changed = Differences(before, after);
            lines.Add(changed.Count == 0 ? "read back through ARM: mode, rules and computes unchanged" : $"read back through ARM: changed {string.Join(", ", changed)}");
            notes.Notes.Add($"Asked anyway: {outcome}; read back through ARM, " +
                (changed.Count == 0 ? "nothing changed (mode, rules, computes)" : $"these changed: {string.Join(", ", changed)}") +
                ". It stays excluded until the lock is lifted.");
            outcomes.Add($"{skipped.Name}: {(answer.Status == 200 && answer.Body["plan"]?["refused"] is null ? "not refused" : "refused up front")}, {(changed.Count == 0 ? "nothing changed" : "CHANGED")}");
        }

        return outcomes;
    }

    static List<string> Differences(NetworkView? a, NetworkView? b)
    {
        if (a is null || b is null) return a == b ? [] : ["existence"];
        var out_ = new List<string>();
        if (a.IsolationMode != b.IsolationMode) out_.Add($"isolation mode {a.IsolationMode} -> {b.IsolationMode}");
        if (a.PublicNetworkAccess != b.PublicNetworkAccess) out_.Add("public network access");
        if (!a.Rules.Select(r => r.Name).SequenceEqual(b.Rules.Select(r => r.Name))) out_.Add("outbound rules");
        if (!a.Computes.Select(c => c.Name).SequenceEqual(b.Computes.Select(c => c.Name))) out_.Add("computes");
        return out_;
    }
}
