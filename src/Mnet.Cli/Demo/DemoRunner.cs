using System.Diagnostics;
using System.Text.Json.Nodes;
using Mnet.Cli.Input;
using Mnet.Cli.Report;
using Mnet.Core.Planning;
using Mnet.Core.Resources;
using Mnet.Emulator.Scenarios;

namespace Mnet.Cli.Demo;

/// <summary>
/// <c>mnet demo</c>: the product's real flow against the emulator's <c>demo</c> scenario, end to end, over the local
/// service's HTTP API and the emulator's events: the timer's drift scan -> POST /plan per drifted workspace -> the
/// custom-VNet workspace audited -> a new workspace onboarded from its Event Grid event -> one ticket per drifted
/// workspace (POST /requests, approvals through POST /requests/{id}/approve) -> the locked workspace asked anyway ->
/// the final scan -> reports. Every change is made by the service's handlers and orchestrations.
/// </summary>
public static class DemoRunner
{
    public const string Title = "mnet-autopilot demo run";

    /// <summary>examples/demo-policy.yaml, found from the working directory or the tool's own folder upwards.</summary>
    public static string DefaultPolicyPath()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "examples", "demo-policy.yaml");
                if (File.Exists(candidate)) return candidate;
            }
        }

        return Path.Combine("examples", "demo-policy.yaml");
    }

    /// <exception cref="DemoPolicyException">The policy is not valid.</exception>
    /// <exception cref="UsageException">The policy file cannot be read.</exception>
    public static async Task<DemoResult> RunAsync(DemoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var real = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        string policyPath = options.PolicyPath ?? DefaultPolicyPath();
        var loaded = PolicyInput.Read(policyPath);
        if (!loaded.Ok || loaded.Policy is null) throw new DemoPolicyException(policyPath, loaded.Problems);
        var policy = loaded.Policy;

        var env = await DemoEnvironment.StartAsync(Path.GetFullPath(policyPath), options.TimeScale, options.Loggers, cancellationToken);
        try
        {
            var result = await RunInAsync(env, options, policyPath, policy, loaded.Warnings, startedAt, real, cancellationToken);
            if (!options.KeepOpen) await env.DisposeAsync();
            return result;
        }
        catch
        {
            await env.DisposeAsync();
            throw;
        }
    }

    static async Task<DemoResult> RunInAsync(DemoEnvironment env, DemoOptions options, string policyPath, Core.Policy.Policy policy,
        IReadOnlyList<Core.Policy.PolicyProblem> policyWarnings, DateTimeOffset startedAt, Stopwatch real, CancellationToken ct)
    {
        var progress = options.Progress;
        var recorder = new DemoRecorder(() => env.Now, progress);
        var api = new DemoApi(env.Http);
        var follower = new RequestFollower(api, () => env.Now, env.ToEmulated, progress);
        var emulatedStart = env.Now;
        foreach (var w in policyWarnings) recorder.Warnings.Add($"policy: {Core.Policy.PolicyProblemFormatter.Format(w with { Severity = Core.Policy.ProblemSeverity.Warning })}");

        var (workspaces, before) = await recorder.PhaseAsync("start", "Emulator and service up: scenario \"demo\"", async lines =>
        {
            var all = await ListWorkspacesAsync(env, ct);
            lines.Add($"{all.Count} workspaces in {all.Select(w => w.Id.Split('/')[2]).Distinct(StringComparer.OrdinalIgnoreCase).Count()} subscriptions; the emulator's clock runs {options.TimeScale:0}x real time");
            lines.Add($"policy {policy.Name}: {policy.ManagedNetwork.IsolationMode}, {policy.ManagedNetwork.OutboundRules.Count} rules, scope {policy.Scope.Subscriptions.Count} subscription(s)");
            lines.Add("service: mnet serve's server on 127.0.0.1 (in process, local engine); Event Grid webhook subscribed to the emulator's resource events");
            return (all, await ReadViewsAsync(env, all, ct));
        }, r => $"{r.all.Count} workspaces read through ARM");

        var first = await recorder.PhaseAsync("scan", "Timer: drift scan (driftScan orchestration, Resource Graph)", async lines =>
        {
            var scan = await DriftScanRunner.RunAsync(env, api, ct);
            foreach (var d in scan.Drifted) lines.Add($"drifted: {d.Name} ({d.Reasons.Count} difference(s); first: {Clip(d.Reasons.FirstOrDefault() ?? "", 140)})");
            foreach (var r in scan.Refused) lines.Add($"refused: {r.Name} ({r.Reasons.FirstOrDefault()} [{r.Rule}])");
            foreach (var s in scan.Skipped) lines.Add($"skipped: {s.Name} ({s.Reasons.FirstOrDefault()})");
            return scan;
        }, scan => scan.Summary);

        var plans = await recorder.PhaseAsync("plan", "POST /api/v1/plan for each drifted workspace", async lines =>
        {
            var list = new List<(string WorkspaceId, JsonObject Plan)>();
            foreach (var d in first.Drifted)
            {
                var body = DemoApi.Expect("POST /api/v1/plan", await api.PostAsync("/api/v1/plan", new JsonObject { ["workspaceId"] = d.WorkspaceId }, ct), 200);
                var plan = body["plan"] as JsonObject ?? throw new DemoApiException("POST /api/v1/plan answered without a plan");
                list.Add((d.WorkspaceId, plan));
                var notes = recorder.Workspace(d.WorkspaceId);
                notes.PlannedSteps = [.. RemediationOrder.Steps(plan).Select(RemediationOrder.StepLine)];
                if (plan["warnings"] is JsonArray warnings)
                {
                    foreach (var w in warnings.OfType<JsonObject>()) notes.Warnings.Add($"{w["code"]}: {w["message"]}");
                }

                lines.Add($"{d.Name}: {RemediationOrder.Steps(plan).Count()} step(s), {plan["actualMode"]}" +
                    ((string?)plan["actualMode"] == (string?)plan["desiredMode"] ? "" : $" -> {plan["desiredMode"]}") +
                    $"; {RemediationOrder.Headline(plan)}");
            }

            return list;
        }, p => $"{p.Count} plan(s), nothing started");

        var customVnet = workspaces.FirstOrDefault(w => string.Equals(w.Id, DemoWorkspaces.CustomVnet, StringComparison.OrdinalIgnoreCase));
        if (customVnet is not null && !WorkspaceFacts.IsManaged(WorkspaceFacts.ActualIsolationMode(customVnet)))
        {
            await recorder.PhaseAsync("audit", $"Posture audit of {customVnet.Name} ({PostureAudit.Route}; on the customer's own VNet)", async lines =>
            {
                var audit = await PostureAudit.RunAsync(api, customVnet.Id, lines, ct);
                if (audit is not { } found) return null;
                recorder.Workspace(customVnet.Id).Posture = found.View;
                foreach (var f in found.View.Findings) lines.Add($"{f.Severity}: {f.Problem}");
                lines.Add($"to move: {string.Join(", ", found.View.ComputesToRecreate.DefaultIfEmpty("no compute"))} to recreate; {found.View.OutboundRules.Count} outbound rule(s)");
                return found.Report;
            }, report => report?.Summarize() ?? "not audited: outside the policy scope");
        }

        var created = await recorder.PhaseAsync("event-grid", "Event Grid: a workspace created outside the product is onboarded", async lines =>
        {
            var followed = await EventGridPhase.RunAsync(env, api, follower, policy, lines, ct);
            var notes = recorder.Workspace(EventGridPhase.WorkspaceId);
            notes.Notes.Add("Created during the run with a plain ARM PUT; onboarded from the Event Grid event the emulator delivered to the service's webhook.");
            if (followed is not null)
            {
                RequestRecords.Add(notes, followed, "eventgrid", env.ToEmulated);
                if (followed.View["plan"]?["steps"] is JsonArray steps) notes.PlannedSteps = [.. steps.OfType<JsonObject>().Select(RemediationOrder.StepLine)];
                lines.Add($"result: {followed.Result}");
            }

            return followed;
        }, f => f is null ? "not onboarded: outside the policy scope" : $"{EventGridPhase.Name}: {f.Result}{(f.Approvals.Count > 0 ? ", approved by the platform lead" : "")}");

        int ticketNumber = 1001;
        var byId = plans.ToDictionary(p => p.WorkspaceId, p => p.Plan, StringComparer.OrdinalIgnoreCase);
        foreach (string workspaceId in RemediationOrder.Of(plans))
        {
            var plan = byId[workspaceId];
            string name = (string?)plan["workspaceName"] ?? workspaceId.Split('/')[^1];
            string ticket = $"INC-{ticketNumber++}";
            await recorder.PhaseAsync($"remediate-{name}", $"Ticket {ticket} for {name}: {RemediationOrder.Headline(plan)}", async lines =>
            {
                var (instanceId, submittedAt) = await follower.SubmitAsync(new JsonObject
                {
                    ["workspaceId"] = workspaceId,
                    ["ticketId"] = ticket,
                    ["requestedBy"] = RequestFollower.Requester,
                }, ct);
                lines.Add($"POST /api/v1/requests (ticket {ticket}) -> onboarding {instanceId}");
                var followed = await follower.FollowAsync(instanceId, submittedAt, ct);
                RequestRecords.Add(recorder.Workspace(workspaceId), followed, $"ticket {ticket}", env.ToEmulated);
                foreach (var a in followed.Approvals) lines.Add(a.Detail ?? "approved");
                int outcomes = followed.View["outcomes"] is JsonArray o ? o.Count : 0;
                lines.Add($"result: {followed.Result} ({outcomes} step(s) recorded)");
                return followed;
            }, f => $"{f.Result}{(f.Approvals.Count > 0 ? $", approved by the platform lead ({f.Approvals.Count})" : "")}");
        }

        if (first.Skipped.Count > 0)
        {
            await recorder.PhaseAsync("locked", "Locked resource group: asked anyway (POST /api/v1/plan), refused up front, nothing written",
                lines => LockedPhase.RunAsync(env, api, recorder, first, lines, ct),
                r => r.Count == 0 ? "no lock found" : string.Join("; ", r));
        }

        var final = await recorder.PhaseAsync("final-scan", "Timer: final drift scan", async lines =>
        {
            var scan = await DriftScanRunner.RunAsync(env, api, ct);
            foreach (var d in scan.Drifted) lines.Add($"still drifted: {d.Name}: {string.Join("; ", d.Reasons)}");
            foreach (var r in scan.Refused) lines.Add($"refused: {r.Name} ({r.Reasons.FirstOrDefault()} [{r.Rule}])");
            foreach (var s in scan.Skipped) lines.Add($"skipped: {s.Name} ({s.Reasons.FirstOrDefault()})");
            return scan;
        }, scan => scan.Summary);

        // The scan covers the app's subscriptions that the policy scopes; a workspace elsewhere was not scanned at all.
        var scanned = DemoEnvironment.Subscriptions
            .Where(sub => policy.Scope.Subscriptions.Count == 0 || policy.Scope.Subscriptions.Contains(sub, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var allAfter = await ListWorkspacesAsync(env, ct);
        foreach (var ws in allAfter)
        {
            string sub = ws.Id.Split('/')[2];
            if (scanned.Contains(sub, StringComparer.OrdinalIgnoreCase)) continue;
            string network = await env.Arm.GetProviderRegistrationStateAsync(sub, cancellationToken: ct);
            recorder.Workspace(ws.Id).Notes.Add($"not scanned: subscription {sub} is not in the policy scope (Microsoft.Network is {network} there).");
        }

        var after = await ReadViewsAsync(env, allAfter, ct);
        var report = new RunReport
        {
            Title = Title,
            PolicyName = policy.Name,
            PolicySource = Shown(policyPath),
            Target = $"the local ARM emulator (scenario \"demo\", clock {options.TimeScale:0}x real time); no Azure resource was touched",
            StartedAt = startedAt,
            FinishedAt = DateTimeOffset.UtcNow,
            Emulated = env.Now - emulatedStart,
            Real = real.Elapsed,
            Phases = recorder.Phases,
            FirstScan = first.View,
            FinalScan = final.View,
            Workspaces =
            [
                .. allAfter.Select(ws => ReportBuilder.Workspace(ws, recorder.Workspace(ws.Id), before.GetValueOrDefault(ws.Id), after.GetValueOrDefault(ws.Id),
                    first, final, scanned)),
            ],
            Warnings = recorder.Warnings,
        };
        var (html, markdown) = await ReportWriter.WriteAsync(report, options.OutDir, ct);
        return new DemoResult(report, html, markdown, first, final, options.KeepOpen ? env : null);
    }

    static async Task<List<Workspace>> ListWorkspacesAsync(DemoEnvironment env, CancellationToken ct)
    {
        var all = new List<Workspace>();
        foreach (string sub in DemoEnvironment.Subscriptions) all.AddRange(await env.Arm.ListWorkspacesAsync(sub, ct));
        return [.. all.OrderBy(w => w.Id, StringComparer.OrdinalIgnoreCase)];
    }

    static async Task<Dictionary<string, NetworkView>> ReadViewsAsync(DemoEnvironment env, IEnumerable<Workspace> workspaces, CancellationToken ct)
    {
        var views = new Dictionary<string, NetworkView>(StringComparer.OrdinalIgnoreCase);
        foreach (var ws in workspaces)
        {
            if (await NetworkViewReader.ReadAsync(env.Arm, ws.Id, env.Now, ct) is { } view) views[ws.Id] = view;
        }

        return views;
    }

    static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";

    /// <summary>Relative to the working directory when inside it (what a person typed), absolute otherwise.</summary>
    public static string Shown(string path)
    {
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative.Replace('\\', '/');
    }
}
