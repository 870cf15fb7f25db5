using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// What must change for a workspace to satisfy a policy. Pure: no I/O, no clock (pass <see cref="PlanContext.Now"/>).
/// An empty plan means compliant; a refused plan has no steps and says which rule refuses. Stages are evaluated
/// refusal-first and their results collected in the safe step order (<see cref="StepOrder"/>).
/// </summary>
public static class Planner
{
    private static readonly PlanWarning ComputesUnknown = new(
        "computes-unknown",
        "Computes and online endpoints were not read: enabling the managed network deletes and recreates every " +
        "managed compute, so the onboarding re-reads them before acting.");

    public static Plan Plan(Policy.Policy policy, WorkspaceState actual, PlanContext? context = null) =>
        PlanWorkspace(policy, actual, context ?? new PlanContext(), new PlanOptions());

    /// <summary><see cref="Plan"/> with options for callers inside the product.</summary>
    public static Plan PlanWorkspace(Policy.Policy policy, WorkspaceState actual, PlanContext context, PlanOptions options)
    {
        var plan = PlanUnchecked(policy, actual, context, options);
        return options.LooseningNeedsApproval ? IsolationLoosening.RequireApproval(plan, actual) : plan;
    }

    private static Plan PlanUnchecked(Policy.Policy policy, WorkspaceState actual, PlanContext context, PlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var workspace = actual.Workspace;
        var actualMode = WorkspaceFacts.ActualIsolationMode(workspace);
        var desiredMode = policy.ManagedNetwork.IsolationMode;
        // Either inventory present means the caller read computes; the other one missing is taken as none.
        var computesKnown = actual.Computes is not null || actual.OnlineEndpoints is not null;
        var basePlan = new Plan
        {
            WorkspaceId = workspace.Id,
            WorkspaceName = workspace.Name,
            Kind = WorkspaceFacts.Kind(workspace),
            PolicyName = policy.Name,
            ActualMode = actualMode,
            DesiredMode = desiredMode,
            ComputesKnown = computesKnown,
            Compliant = false,
        };
        var notes = new PartialPlan();

        if (!options.ScopeChecked)
        {
            var scope = ScopeCheck.IsInScope(policy, workspace);
            if (!scope.InScope)
            {
                notes.Warnings.Add(new PlanWarning(ScopeCheck.OutOfScopeCode, $"The workspace is outside the policy scope: {scope.Reason}."));
            }
        }

        var subscription = ResourceIdCache.SubscriptionOf(workspace.Id);
        if (context.SubscriptionsInScope is { } allowed &&
            !allowed.Any(s => string.Equals(s.ToLowerInvariant(), subscription, StringComparison.Ordinal)))
        {
            notes.Refused = new PlanRefusal(
                "subscription-not-allowed",
                $"Subscription {subscription ?? "(none)"} is not one the app is configured to act on.");
            return Finish(basePlan, [notes]);
        }

        if (string.Equals(basePlan.Kind, Prerequisites.ProjectKind, StringComparison.OrdinalIgnoreCase))
        {
            var hubPlan = actual.Hub is null
                ? null
                : PlanWorkspace(policy, new WorkspaceState { Workspace = actual.Hub }, context, new PlanOptions { ScopeChecked = true });
            return Finish(basePlan, [notes, ProjectStage.Plan(workspace, hubPlan)]);
        }

        // Refusals first: the mode transition, then the rules, then the computes.
        var mode = ModeStage.Plan(workspace.Id, actualMode, desiredMode, workspace.Properties.ManagedNetwork?.ChangeableIsolationModes);
        if (mode.Refused is not null) return Finish(basePlan, [notes, mode]);

        var wantedSet = DesiredRuleSet.For(DesiredRules.For(policy, workspace));
        var rules = RuleDiff.Diff(new RuleDiffInput(
            wantedSet,
            WorkspaceFacts.ActualRules(actual),
            desiredMode,
            SettingsStages.EffectiveFirewallSku(workspace, policy)));
        if (rules.Refused is not null) return Finish(basePlan, [notes, rules]);

        // The app initiates every private endpoint it adds: it must be able to approve the connection as well.
        var initiator = InitiatorApprovalCheck.Check(workspace, rules.NewPrivateEndpoints, actual.InitiatorPermissions);
        if (initiator.Refused is not null) return Finish(basePlan, [notes, initiator]);

        // Enabling the managed network (from Disabled) is what forces the compute migration.
        PartialPlan? computes = null;
        if (actualMode == IsolationMode.Disabled && WorkspaceFacts.IsManaged(desiredMode))
        {
            if (computesKnown)
            {
                var inventory = ComputeInventoryBuilder.Build(workspace, actual.Computes ?? [], actual.OnlineEndpoints ?? []);
                computes = ComputeMigrationStage.Plan(workspace.Id, inventory, policy.ComputeMigration);
                if (computes.Refused is not null) return Finish(basePlan, [notes, computes]);
            }
            else
            {
                computes = new PartialPlan { Warnings = [ComputesUnknown] };
            }
        }
        var migratesComputes = computes is not null && computes.Steps.Count > 0;

        // Roles for the private endpoints the plan adds or changes; when the caller read the existing assignments,
        // also for every desired private endpoint whose assignment is missing.
        var targets = new List<PrivateEndpointDestination>(rules.NewPrivateEndpoints);
        if (actual.RoleAssignments is not null)
        {
            foreach (var desired in wantedSet.Rules)
            {
                if (desired.Rule is PrivateEndpointOutboundRule pe) targets.Add(pe.Destination);
            }
        }
        var roles = ApproverRoleStage.Plan(new ApproverRolesInput(
            workspace,
            targets,
            policy.ApproverRoles,
            actual.RoleAssignments,
            context.SubscriptionsInScope,
            context.TenantId,
            context.CustomApproverRoles));

        var provision = ProvisioningStage.Plan(new ProvisionInput(
            workspace,
            desiredMode,
            policy.Provisioning,
            rules.AddsFirstFqdnRule,
            migratesComputes,
            wantedSet.Rules,
            SettingsStages.EffectivePublicNetworkAccess(workspace, policy)));

        // Collected in StepKind order so that ordering is a no-op check.
        var parts = new List<PartialPlan> { notes, initiator };
        if (computes is not null) parts.Add(computes);
        parts.Add(SettingsStages.PublicNetworkAccess(workspace, policy));
        parts.Add(mode);
        parts.Add(SettingsStages.FirewallSku(workspace, policy, desiredMode));
        parts.Add(rules);
        parts.Add(roles);
        parts.Add(provision);
        parts.Add(SettingsStages.ImageBuildCompute(workspace, policy, actual.Computes));
        // Prerequisites last: they refuse only a plan that writes, and a refusal empties the steps.
        var steps = parts.SelectMany(p => p.Steps).ToList();
        parts.Add(PrerequisiteCheck.Check(actual.Prerequisites, steps, subscription));
        return Finish(basePlan, parts);
    }

    private static Plan Finish(Plan basePlan, IReadOnlyList<PartialPlan> parts)
    {
        var refused = parts.FirstOrDefault(p => p.Refused is not null)?.Refused;
        // A refused plan has no steps: only the warnings that are not about a step remain.
        var warnings = parts.SelectMany(p => p.Warnings).Where(w => refused is null || w.StepId is null).ToList();
        if (refused is not null)
        {
            return basePlan with { Compliant = false, Refused = refused, Steps = [], Warnings = warnings, EstimatedMinutes = 0 };
        }
        var steps = StepOrder.Order([.. parts.SelectMany(p => p.Steps)]);
        return basePlan with
        {
            Compliant = steps.Count == 0,
            Steps = steps,
            Warnings = warnings,
            EstimatedMinutes = steps.Sum(s => s.EstimatedMinutes ?? 0),
        };
    }
}
