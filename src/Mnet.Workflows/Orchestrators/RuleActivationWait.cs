using Microsoft.DurableTask;
using Mnet.Workflows.Activities.Network;
using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Orchestrators;

/// <summary>
/// After approver roles are granted (and the network is provisioned), the private endpoint rules to those targets
/// should turn Active. Polled on durable timers with a bound; a Failed rule ends the wait early.
/// </summary>
public static class RuleActivationWait
{
    public static async Task<RuleConfirmation> ConfirmAsync(
        TaskOrchestrationContext context, WorkflowTimings timings, string workspaceId, IReadOnlyList<string> targetScopes, TimeSpan timeout)
    {
        var targets = targetScopes.Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (targets.Count == 0) return new RuleConfirmation(true, false, [], "no private endpoint targets to confirm");
        var outcome = await Poll.UntilAsync(
            context,
            timings,
            () => context.CallWorkflowActivityAsync<NetworkStatus>(WorkflowNames.ReadNetworkStatus, new ReadNetworkStatusInput(workspaceId, true), timings),
            status =>
            {
                if (status.Status != "Active") return true;
                var relevant = Relevant(status, targets);
                return relevant.Count > 0 && (relevant.All(r => r.Status == "Active") || relevant.Any(r => r.Status == "Failed"));
            },
            Poll.Deadline(context, timings, timeout),
            timings.RulePoll);
        var rules = Relevant(outcome.Last, targets).Select(r => new RuleActivation(r.Name, r.Target ?? "", r.Status ?? "Unknown")).ToList();
        if (outcome.Last.Status != "Active")
        {
            // Without a provisioned network no private endpoint exists yet; waiting would only time out.
            return new RuleConfirmation(false, true, rules,
                "the managed network is not provisioned yet: the private endpoint rules become Active once it is");
        }

        var active = rules.Where(r => r.Status == "Active").Select(r => r.Name).ToList();
        var notActive = rules.Where(r => r.Status != "Active").Select(r => $"{r.Name} ({r.Status})").ToList();
        bool confirmed = rules.Count > 0 && notActive.Count == 0;
        string detail = confirmed
            ? $"private endpoint rules Active: {string.Join(", ", active)}"
            : rules.Count == 0
                ? $"no private endpoint rule to {string.Join(", ", targets)} found after {outcome.Polls} checks"
                : $"not Active after {outcome.Polls} checks: {string.Join(", ", notActive)}{(active.Count > 0 ? $"; Active: {string.Join(", ", active)}" : "")}";
        return new RuleConfirmation(confirmed, false, rules, detail);
    }

    static List<RuleStatus> Relevant(NetworkStatus status, HashSet<string> targets) =>
        status.Rules.Where(r => r.Type == "PrivateEndpoint" && r.Category != "Required" && r.Target is not null && targets.Contains(r.Target.ToLowerInvariant())).ToList();
}
