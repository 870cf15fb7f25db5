using Mnet.Core.Catalog;
using Mnet.Core.Planning;
using Mnet.Core.Resources;

namespace Mnet.Core.Drift;

/// <summary>
/// Drift evaluation over a Resource Graph result: linear in the number of workspaces (the scope matcher and the
/// rule-pack expansion are computed once per policy, hubs are looked up in a map). Pure: the caller passes the time.
/// </summary>
public static class DriftEvaluator
{
    public static DriftReport Evaluate(Policy.Policy policy, IReadOnlyList<Workspace> workspaces, DriftContext context)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(workspaces);
        ArgumentNullException.ThrowIfNull(context);
        var matcher = ScopeCheck.MatcherFor(policy);
        var allowedSubs = context.SubscriptionsInScope?.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var byId = new Dictionary<string, Workspace>(StringComparer.OrdinalIgnoreCase);
        foreach (var ws in workspaces) byId[ws.Id] = ws;
        var planContext = context.ToPlanContext();
        var planOptions = new PlanOptions { ScopeChecked = true };

        var inScope = 0;
        var compliant = 0;
        var drifted = new List<DriftedWorkspace>();
        var skipped = new List<SkippedWorkspace>();
        var refused = new List<RefusedWorkspace>();
        foreach (var workspace in workspaces)
        {
            var sub = ResourceId.TryParse(workspace.Id, out var parsed) ? parsed.SubscriptionId.ToLowerInvariant() : null;
            if (allowedSubs is not null && (sub is null || !allowedSubs.Contains(sub)))
            {
                skipped.Add(new SkippedWorkspace(workspace.Id, $"subscription {sub ?? "(none)"} is not one the app is configured for"));
                continue;
            }
            var verdict = matcher.Check(workspace);
            if (!verdict.InScope)
            {
                skipped.Add(new SkippedWorkspace(workspace.Id, verdict.Reason ?? "outside the policy scope"));
                continue;
            }
            inScope++;
            var hubId = workspace.Properties.HubResourceId;
            var hub = string.Equals(workspace.Kind, Prerequisites.ProjectKind, StringComparison.OrdinalIgnoreCase) && hubId is not null
                ? byId.GetValueOrDefault(hubId)
                : null;
            // No computes in a Resource Graph row: computes stay unknown (the plan says computesKnown: false).
            var state = new WorkspaceState { Workspace = workspace, Hub = hub };
            var result = Planner.PlanWorkspace(policy, state, planContext, planOptions);
            if (result.Refused is { } refusal)
            {
                refused.Add(new RefusedWorkspace(workspace.Id, workspace.Name, result.Kind, refusal.Reason, refusal.Rule));
            }
            else if (result.Compliant)
            {
                compliant++;
            }
            else
            {
                drifted.Add(new DriftedWorkspace(workspace.Id, workspace.Name, result.Kind, [.. result.Steps.Select(s => s.Reason)], result));
            }
        }
        return new DriftReport
        {
            GeneratedAt = context.GeneratedAt ?? context.Now,
            PolicyName = policy.Name,
            Scanned = workspaces.Count,
            InScope = inScope,
            Compliant = compliant,
            Drifted = drifted,
            Skipped = skipped,
            Refused = refused,
        };
    }
}
