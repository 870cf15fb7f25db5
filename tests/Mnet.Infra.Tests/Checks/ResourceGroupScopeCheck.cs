using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>
/// No role wider than a governed resource group, except the named subscription-wide ones: the operator role is
/// assigned only through governed-group-access.bicep at each governed group; workspace creation is optional and only
/// at the listed groups; the only assignments the role module makes at the subscription are the subscription reader
/// (reads only, RoleActionsCheck) and the ABAC-conditioned delegate (AbacConditionCheck).
/// </summary>
public static class ResourceGroupScopeCheck
{
    /// <summary>Role definitions the role module may assign at the subscription itself (infra/README.md says why).</summary>
    public static IReadOnlyList<string> SubscriptionWideAssignments { get; } = ["subscriptionReaderRole.id", "delegateRole.id"];

    public static IReadOnlyList<string> Check(string roleModule, string governedAccess, string creationAccess, string main)
    {
        var problems = new List<string>();
        var role = BicepText.StripComments(roleModule);
        var mainCode = BicepText.StripComments(main);

        if (!Regex.IsMatch(role, @"^param\s+governedResourceGroups\s+string\[\]\s*$", RegexOptions.Multiline))
        {
            problems.Add("the role module lacks a required `param governedResourceGroups string[]`");
        }
        if (!Regex.IsMatch(mainCode, @"^param\s+governedResourceGroups\s+string\[\]", RegexOptions.Multiline))
        {
            problems.Add("main.bicep lacks `param governedResourceGroups string[]`");
        }
        if (!Regex.IsMatch(mainCode, @"\bgovernedResourceGroups\s*:\s*governedGroups\b"))
        {
            problems.Add("main.bicep does not pass the governed resource groups to the target subscriptions");
        }
        if (!Regex.IsMatch(role, @"^param\s+allowWorkspaceCreation\s+bool\s*=\s*false\s*$", RegexOptions.Multiline))
        {
            problems.Add("the role module lacks `param allowWorkspaceCreation bool = false`");
        }
        if (!Regex.IsMatch(role, @"^param\s+workspaceCreationResourceGroups\s+string\[\]\s*=\s*\[\]\s*$", RegexOptions.Multiline))
        {
            problems.Add("the role module lacks `param workspaceCreationResourceGroups string[] = []`");
        }
        if (!Regex.IsMatch(mainCode, @"^param\s+allowWorkspaceCreation\s+bool\s*=\s*false\s*$", RegexOptions.Multiline))
        {
            problems.Add("main.bicep lacks `param allowWorkspaceCreation bool = false`");
        }
        if (!Regex.IsMatch(role, @"resource\s+workspaceCreationRole\s+'Microsoft\.Authorization/roleDefinitions@[^']+'\s*=\s*if\s*\(allowWorkspaceCreation\)"))
        {
            problems.Add("the workspace-creation role definition is not conditional on allowWorkspaceCreation");
        }
        if (!Regex.IsMatch(role, @"\bvar\s+workspaceCreationGroupNames\s*=\s*allowWorkspaceCreation\s*\?"))
        {
            problems.Add("workspaceCreationGroupNames does not depend on allowWorkspaceCreation");
        }

        ScopedLoop("workspace-creation-access.bicep", "workspaceCreationGroupNames", "workspaceCreationRoleGuid", "workspace-creation");
        ScopedLoop("governed-group-access.bicep", "operatorGroupNames", "operatorRole.id", "operator");
        if (!Regex.IsMatch(role, @"\bvar\s+operatorGroupNames\s*=\s*union\(map\(governedGroupsHere,")) problems.Add("operatorGroupNames are not the governed groups of this subscription");

        // Assignments the role module makes itself land at the subscription: only the named ones.
        foreach (var (symbol, body) in BicepText.Resources(roleModule, "Microsoft.Authorization/roleAssignments"))
        {
            var assigned = Regex.Match(body, @"roleDefinitionId\s*:\s*([^\n]+)").Groups[1].Value.Trim();
            if (!SubscriptionWideAssignments.Contains(assigned, StringComparer.Ordinal))
            {
                problems.Add($"the role module assigns {(assigned.Length > 0 ? assigned : "(none)")} subscription-wide ({symbol})");
            }
        }

        foreach (var (file, text) in new[] { ("governed-group-access.bicep", governedAccess), ("workspace-creation-access.bicep", creationAccess) })
        {
            var access = BicepText.StripComments(text);
            if (!Regex.IsMatch(access, @"^targetScope\s*=\s*'resourceGroup'", RegexOptions.Multiline)) problems.Add($"{file} is not targetScope = 'resourceGroup'");
            if (Regex.IsMatch(access, @"\bscope\s*:")) problems.Add($"{file} assigns outside its resource group");
            if (!Regex.IsMatch(access, @"principalType\s*:\s*'ServicePrincipal'")) problems.Add($"{file}: the assignment lacks principalType ServicePrincipal");
        }
        return problems;

        void ScopedLoop(string module, string names, string roleReference, string what)
        {
            var loop = Regex.Match(role, $@"module\s+\w+\s+'{Regex.Escape(module)}'\s*=\s*\[for\s+(\w+)\s+in\s+{names}\s*:\s*\{{([\s\S]*?)\n\}}\]");
            if (!loop.Success)
            {
                problems.Add($"no {module} module looped over {names}");
                return;
            }
            if (!Regex.IsMatch(loop.Groups[2].Value, $@"scope\s*:\s*resourceGroup\({loop.Groups[1].Value}\)"))
            {
                problems.Add($"the {what} access is not scoped to each listed resource group");
            }
            if (!loop.Groups[2].Value.Contains(roleReference, StringComparison.Ordinal))
            {
                problems.Add($"the {what} access does not assign the {what} role ({roleReference})");
            }
        }
    }
}
