using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Documented prerequisites: no scope lock on the workspace or its resource group, and the Microsoft.Network resource
/// provider registered in the subscription. Checked only for plans that write; a state without prerequisites (not
/// read) only gets a warning.
/// </summary>
internal static class PrerequisiteCheck
{
    public static PartialPlan Check(WorkspacePrerequisites? prerequisites, IReadOnlyList<PlanStep> steps, string? subscriptionId)
    {
        var output = new PartialPlan();
        if (steps.Count == 0) return output;
        var provider = Prerequisites.RequiredResourceProvider;
        if (prerequisites is null)
        {
            output.Warnings.Add(new PlanWarning(
                "prerequisites-unknown",
                "Prerequisites were not checked: scope locks on the workspace or its resource group block the service's internal " +
                $"operations, and {provider} must be registered in the subscription; the onboarding reads them before acting."));
            return output;
        }
        if (Prerequisites.ScopeLocksBlock && prerequisites.Locks.Count > 0)
        {
            var named = string.Join("; ", prerequisites.Locks.Select(l => $"{l.Level} lock \"{l.Name}\" on {l.Scope}"));
            var one = prerequisites.Locks.Count == 1;
            output.Refused = new PlanRefusal(
                "scope-lock",
                $"Scope lock{(one ? "" : "s")} on the workspace or its resource group block{(one ? "s" : "")} the service's internal operations: {named}. " +
                $"Remove the lock{(one ? "" : "s")} (or exclude the workspace from the policy) and retry.");
            return output;
        }
        if (prerequisites.NetworkProviderRegistered == false && NeedsNetworkProvider(steps))
        {
            var sub = subscriptionId ?? "(unknown)";
            output.Refused = new PlanRefusal(
                "network-provider-not-registered",
                $"The {provider} resource provider is not registered in subscription {sub}; a managed network needs it. " +
                $"Register it: az provider register --namespace {provider} --subscription {sub}, then retry.");
        }
        return output;
    }

    /// <summary>The plan turns a managed network on (from Disabled) or provisions it: both need Microsoft.Network.</summary>
    private static bool NeedsNetworkProvider(IReadOnlyList<PlanStep> steps) => steps.Any(s =>
        s is ProvisionNetworkStep ||
        (s is SetIsolationModeStep mode && mode.Params.From == IsolationMode.Disabled && WorkspaceFacts.IsManaged(mode.Params.To)));
}
