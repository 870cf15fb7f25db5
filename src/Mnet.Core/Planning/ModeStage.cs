using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// The isolation-mode change: allowed, refused or risky, from the catalog's transition table; when the workspace
/// reports <c>managedNetwork.changeableIsolationModes</c>, a mode it does not list is refused as well.
/// </summary>
internal static class ModeStage
{
    public static PartialPlan Plan(
        string workspaceId,
        IsolationMode from,
        IsolationMode to,
        IReadOnlyList<IsolationMode>? changeable)
    {
        var output = new PartialPlan();
        if (from == to) return output;
        var transition = IsolationModes.FindModeTransition(from, to);
        if (transition is null || !transition.Allowed)
        {
            output.Refused = new PlanRefusal(
                "mode-transition",
                $"The workspace is {from} and the policy wants {to}: " +
                (transition?.Reason ?? $"the service does not support changing {from} to {to}."));
            return output;
        }
        if (changeable is not null && !changeable.Contains(to))
        {
            output.Refused = new PlanRefusal(
                "mode-transition",
                $"The workspace is {from} and the policy wants {to}, but the workspace reports it can only change to " +
                $"[{string.Join(", ", changeable)}] (managedNetwork.changeableIsolationModes).");
            return output;
        }
        var requiresConfirmation = transition.RequiresConfirmation;
        var id = StepKinds.StepId(StepKind.SetIsolationMode);
        output.Steps.Add(new SetIsolationModeStep
        {
            Id = id,
            Target = workspaceId,
            Reason = $"isolation mode is {from}; the policy requires {to}",
            // Every mode change is irreversible in practice; restricting outbound breaks workloads that reach the internet.
            Flags = StepFlags.Of(irreversible: true, needsApproval: true, disruptive: to == IsolationMode.AllowOnlyApprovedOutbound),
            Params = new SetIsolationModeParams(from, to, requiresConfirmation, transition.Reason),
        });
        output.Warnings.Add(new PlanWarning(
            "mode-change-irreversible",
            requiresConfirmation
                ? $"Changing the isolation mode from {from} to {to} cannot be undone."
                : $"Changing the isolation mode from {from} to {to}: {transition.Reason}")
        {
            StepId = id,
        });
        if (requiresConfirmation)
        {
            output.Warnings.Add(new PlanWarning("mode-change-needs-confirmation", $"{from} -> {to} needs explicit confirmation. {transition.Reason}")
            {
                StepId = id,
            });
        }
        return output;
    }
}
