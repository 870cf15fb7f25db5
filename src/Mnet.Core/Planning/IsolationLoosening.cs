using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Steps that loosen a workspace's isolation need a person's approval, like mode changes do (issue 16, security fix 2):
/// removing a user-defined outbound rule, enabling public network access, and a private endpoint to a target the
/// workspace has no private endpoint to yet (a new data path, and the approver role on that target). Pure: marks
/// <see cref="StepFlags.NeedsApproval"/> on those steps, nothing else. <see cref="Planner.PlanWorkspace"/> applies it,
/// so the plan a requester is shown and the one the onboarding waits on agree. (The TypeScript planner had no such
/// check: its golden plans differ from ours exactly in these flags.)
/// </summary>
public static class IsolationLoosening
{
    public static Plan RequireApproval(Plan plan, WorkspaceState actual)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actual);
        if (plan.Steps.Count == 0) return plan;
        var existingTargets = WorkspaceFacts.ActualRules(actual).Values
            .OfType<PrivateEndpointOutboundRule>()
            .Select(r => r.Destination.ServiceResourceId)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var steps = plan.Steps.Select(s => Loosens(s, existingTargets) && !s.Flags.NeedsApproval
            ? s with { Flags = s.Flags with { NeedsApproval = true } }
            : s).ToList();
        return plan with { Steps = steps };
    }

    /// <summary>True for a step that widens what the workspace can reach or who can reach it.</summary>
    public static bool Loosens(PlanStep step, IReadOnlySet<string> existingPrivateEndpointTargets)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(existingPrivateEndpointTargets);
        return step switch
        {
            RemoveRuleStep => true,
            SetPublicNetworkAccessStep access => string.Equals(access.Params.To, "Enabled", StringComparison.OrdinalIgnoreCase),
            AddRuleStep add => NewTarget(add.Params.Rule, existingPrivateEndpointTargets),
            UpdateRuleStep update => NewTarget(update.Params.To, existingPrivateEndpointTargets),
            _ => false,
        };
    }

    static bool NewTarget(OutboundRule rule, IReadOnlySet<string> existing) =>
        rule is PrivateEndpointOutboundRule pe && !existing.Contains(pe.Destination.ServiceResourceId);
}
