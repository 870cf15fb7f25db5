namespace Mnet.Core.Planning;

/// <summary>
/// The safe order of plan steps is the order of <see cref="StepKind"/>. Why this order:
///  1. migrate-computes (snapshot + delete): enabling the managed network has no in-place path for computes, and
///     computes may only exist inside the managed network once it is on, so they go first.
///  2. set-public-network-access: disabled before provisioning, or the workspace's private endpoints may not be
///     created in the managed network (serverless Spark needs it).
///  3. set-isolation-mode: FQDN / service-tag rules are only accepted once the mode is approved-outbound.
///  4. set-firewall-sku: before the first FQDN rule creates the firewall.
///  5. add-rule, update-rule, remove-rule: user-defined rules only; additions before removals so that a renamed rule
///     never leaves a gap. The orchestrator writes them one at a time (concurrent rule writes conflict).
///     Exception: a rule whose type changes is removed and then added again under the same name (a PUT that changes
///     the type is unverified), so that removal goes just before the additions.
///  6. assign-approver-roles: the identity must be able to approve before provisioning creates the private endpoints.
///  7. provision-network: ~30 min (+10 for the first FQDN rule); the migrate step's recreate phase runs after it.
///  8. set-image-build-compute: names a cluster, which exists again only after the recreate.
/// govern-through-hub is the only step of a project's plan.
/// </summary>
public static class StepOrder
{
    // Ranks are the enum values doubled, so that a replaced rule's removal can sit between set-firewall-sku and add-rule.
    private static int Rank(StepKind kind) => 2 * (int)kind;

    private static readonly int BeforeAdds = Rank(StepKind.AddRule) - 1;

    /// <summary>Stable: steps of the same kind keep the order their stage produced.</summary>
    public static IReadOnlyList<PlanStep> Order(IReadOnlyList<PlanStep> steps)
    {
        var replaced = ReplacedNames(steps);
        int RankOf(PlanStep step) =>
            step is RemoveRuleStep remove && replaced is not null && replaced.Contains(remove.Params.Name)
                ? BeforeAdds
                : Rank(step.Kind);

        // The planner already emits stages in this order; sort only if something does not.
        var sorted = true;
        for (var i = 1; i < steps.Count && sorted; i++) sorted = RankOf(steps[i - 1]) <= RankOf(steps[i]);
        if (sorted) return [.. steps];
        // OrderBy is a stable sort.
        return [.. steps.OrderBy(RankOf)];
    }

    /// <summary>Names of the rules a plan adds, when it also removes some: the removals of those names are replacements.</summary>
    private static HashSet<string>? ReplacedNames(IReadOnlyList<PlanStep> steps)
    {
        if (!steps.Any(s => s is RemoveRuleStep)) return null;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var step in steps)
        {
            if (step is AddRuleStep add) names.Add(add.Params.Name);
        }
        return names.Count > 0 ? names : null;
    }
}
