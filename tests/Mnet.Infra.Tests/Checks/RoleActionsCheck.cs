using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>
/// (b) What the role module (target-subscription.bicep) grants the app is exactly ArmActions.ActionList minus the
/// operator-only actions: operator role (governed groups) + subscription reads + the delegate's unconditioned read +
/// ABAC-delegated writes + workspace creation (listed groups), each action in one role, nothing more.
/// </summary>
public static class RoleActionsCheck
{
    /// <summary>Role-assignment writes and deletes: never in an unconditioned role (they would void the ABAC condition).</summary>
    public static IReadOnlyList<string> AbacOnlyActions { get; } =
        ["Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete"];

    /// <summary>All the role-assignment delegate role may hold (no built-in role: no wildcard read, no Microsoft.Support).</summary>
    public static IReadOnlyList<string> DelegateRoleAllowedActions { get; } =
        ["Microsoft.Authorization/roleAssignments/read", .. AbacOnlyActions];

    public static IReadOnlyList<string> Check(string roleModule, AppActionSets app)
    {
        var problems = new List<string>();
        var operatorRole = BicepText.StringArrayVar(roleModule, "operatorRoleActions");
        if (operatorRole is null) return ["no `var operatorRoleActions = [...]` in the role module"];
        var reads = BicepText.StringArrayVar(roleModule, "subscriptionReadActions");
        var delegated = BicepText.StringArrayVar(roleModule, "conditionallyDelegatedActions") ?? [];
        var delegateRole = BicepText.StringArrayVar(roleModule, "roleAssignmentDelegateActions");
        var creation = BicepText.StringArrayVar(roleModule, "workspaceCreationActions");
        if (reads is null) problems.Add("no `var subscriptionReadActions = [...]` in the role module");
        if (delegateRole is null) problems.Add("no `var roleAssignmentDelegateActions = [...]` in the role module");
        if (creation is null) problems.Add("no `var workspaceCreationActions = [...]` in the role module");
        var code = BicepText.StripComments(roleModule);
        foreach (var (list, role) in new[]
        {
            ("operatorRoleActions", "operator"), ("subscriptionReadActions", "subscription reader"),
            ("roleAssignmentDelegateActions", "delegate"), ("workspaceCreationActions", "workspace-creation"),
        })
        {
            if (!Regex.IsMatch(code, $@"\bactions\s*:\s*{list}\b")) problems.Add($"the {role} role definition does not use {list} as its actions");
        }
        if (!code.Contains("Microsoft.Authorization/roleDefinitions@", StringComparison.Ordinal))
        {
            problems.Add("the role module declares no Microsoft.Authorization/roleDefinitions resource");
        }

        var comparer = StringComparer.OrdinalIgnoreCase;
        var abacOnly = AbacOnlyActions.ToHashSet(comparer);
        var operatorOnly = app.OperatorOnly.ToHashSet(comparer);
        var appAll = app.All.ToHashSet(comparer);
        var creationOnly = app.WorkspaceCreationOnly.ToHashSet(comparer);
        (string What, IReadOnlyList<string> List)[] lists =
        [
            ("operator role", operatorRole), ("subscription reader role", reads ?? []),
            ("workspace-creation role", creation ?? []), ("role assignment delegate", delegateRole ?? []),
        ];
        foreach (var (what, list) in lists)
        {
            foreach (var a in list.GroupBy(x => x, comparer).Where(g => g.Count() > 1)) problems.Add($"{what} lists {a.Key} twice");
            foreach (var a in list)
            {
                if (a.Contains('*', StringComparison.Ordinal) && !appAll.Contains(a)) problems.Add($"{what} has a wildcard action the app does not list: {a}");
                if (operatorOnly.Contains(a)) problems.Add($"{what} grants the operator-only action {a}: the app must never hold it");
            }
        }
        foreach (var (what, list) in lists.Take(3))
        {
            foreach (var a in list.Where(abacOnly.Contains)) problems.Add($"{what} grants {a} unconditionally: that voids the ABAC condition");
        }
        foreach (var a in (reads ?? []).Where(a => !a.EndsWith("/read", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"subscription reader role holds {a}: only reads may be granted beyond the governed resource groups");
        }
        var allowedDelegate = DelegateRoleAllowedActions.ToHashSet(comparer);
        foreach (var a in (delegateRole ?? []).Where(a => !allowedDelegate.Contains(a)))
        {
            problems.Add($"role assignment delegate holds {a}: only role-assignment read/write/delete belong there");
        }
        foreach (var a in delegated)
        {
            if (!abacOnly.Contains(a)) problems.Add($"{a} is listed as ABAC-delegated but the ABAC condition does not cover it");
            if (!(delegateRole ?? []).Contains(a, comparer)) problems.Add($"{a} is listed as ABAC-delegated but the delegate role does not hold it");
        }

        // Creation-only writes live only in the optional, resource-group-scoped role.
        foreach (var (what, list) in lists.Take(2))
        {
            foreach (var a in list.Where(creationOnly.Contains)) problems.Add($"{what} grants {a} beyond the listed groups: it belongs only to the workspace-creation role");
        }
        var creationSet = (creation ?? []).ToHashSet(comparer);
        foreach (var a in app.WorkspaceCreationOnly.Where(a => !creationSet.Contains(a))) problems.Add($"workspace-creation role lacks {a}");
        foreach (var a in (creation ?? []).Where(a => !creationOnly.Contains(a))) problems.Add($"workspace-creation role holds {a}, which is not a workspace-creation-only action");

        // Each action in one role: the operator role is resource-group scoped, the reader role subscription-wide.
        foreach (var a in operatorRole.Intersect(reads ?? [], comparer)) problems.Add($"{a} is in both the operator and the subscription reader role");

        // Exactly the app's actions: the delegate role's read is unconditioned (the condition covers write and delete).
        var delegatedSet = delegated.ToHashSet(comparer);
        var granted = operatorRole.Concat(reads ?? []).Concat(creation ?? [])
            .Concat((delegateRole ?? []).Where(a => !abacOnly.Contains(a)))
            .ToHashSet(comparer);
        foreach (var a in app.All.Where(a => !operatorOnly.Contains(a) && !delegatedSet.Contains(a) && !granted.Contains(a)))
        {
            problems.Add($"app action not granted by infra: {a}");
        }
        foreach (var a in operatorRole.Concat(reads ?? []).Concat(creation ?? []).Concat(delegated).Distinct(comparer).Where(a => !appAll.Contains(a)))
        {
            problems.Add($"infra grants an action the app does not use: {a}");
        }
        return problems.Distinct(StringComparer.Ordinal).ToList();
    }
}
