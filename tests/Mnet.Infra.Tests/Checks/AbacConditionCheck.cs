using System.Text.RegularExpressions;

namespace Mnet.Infra.Tests.Checks;

/// <summary>The role-assignment delegate is assigned with the "constrain roles and principal types" ABAC condition.</summary>
public static class AbacConditionCheck
{
    public static IReadOnlyList<string> Fragments { get; } =
    [
        "!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})",
        "!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})",
        "@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {",
        "@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {",
        "@Request[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}",
        "@Resource[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}",
    ];

    public static IReadOnlyList<string> Check(string roleModule)
    {
        var problems = new List<string>();
        var code = BicepText.StripComments(roleModule);
        var template = Regex.Match(code, @"\bvar\s+abacConditionTemplate\s*=\s*'''([\s\S]*?)'''");
        if (!template.Success) return ["no `var abacConditionTemplate = '''...'''` in the role module"];
        var text = template.Groups[1].Value;
        var flat = Regex.Replace(text, @"\s+", " ");
        problems.AddRange(Fragments.Where(f => !flat.Contains(f, StringComparison.Ordinal)).Select(f => $"ABAC condition lacks: {f}"));
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) break;
        }
        if (depth != 0) problems.Add("ABAC condition has unbalanced parentheses");
        if (Regex.Matches(text, "__ASSIGNABLE_ROLE_GUIDS__").Count != 2)
        {
            problems.Add("ABAC condition must list the assignable role GUIDs for both write (@Request) and delete (@Resource)");
        }
        if (!Regex.IsMatch(code, @"\bcondition\s*:\s*abacCondition\b")) problems.Add("no role assignment uses the ABAC condition");
        if (!Regex.IsMatch(code, @"\bconditionVersion\s*:\s*'2\.0'")) problems.Add("the conditioned role assignment lacks conditionVersion: '2.0'");

        // The conditioned assignment is of the product's own delegate role (role-assignment actions only), never a
        // built-in role: Role Based Access Control Administrator would also grant a wildcard read and Microsoft.Support.
        var assignments = BicepText.Resources(roleModule, "Microsoft.Authorization/roleAssignments").Select(r => r.Body).ToList();
        var conditioned = assignments.Where(b => Regex.IsMatch(b, @"\bcondition\s*:\s*abacCondition\b")).ToList();
        if (conditioned.Count != 1) problems.Add($"expected exactly one ABAC-conditioned role assignment, found {conditioned.Count}");
        foreach (var body in conditioned)
        {
            if (!Regex.IsMatch(body, @"\broleDefinitionId\s*:\s*delegateRole\.id\b")) problems.Add("the conditioned assignment is not of the role assignment delegate role (delegateRole)");
            if (!Regex.IsMatch(body, @"principalType\s*:\s*'ServicePrincipal'")) problems.Add("the conditioned assignment lacks principalType ServicePrincipal");
        }
        if (assignments.Any(b => Regex.IsMatch(b, @"\broleDefinitionId\s*:\s*delegateRole\.id\b") && !Regex.IsMatch(b, @"\bcondition\s*:\s*abacCondition\b")))
        {
            problems.Add("the delegate role is assigned without the ABAC condition");
        }
        if (!Regex.IsMatch(code, @"resource\s+delegateRole\s+'Microsoft\.Authorization/roleDefinitions@[^']+'\s*=\s*\{[\s\S]*?actions\s*:\s*roleAssignmentDelegateActions\b"))
        {
            problems.Add("delegateRole is not a custom role over roleAssignmentDelegateActions");
        }
        if (!Regex.IsMatch(code, @"\bvar\s+approverRoleGuid\s*=\s*roles\.azureAiEnterpriseNetworkConnectionApprover\b")) problems.Add("approverRoleGuid does not come from roles.json");
        if (!Regex.IsMatch(code, @"\bvar\s+assignableRoleGuids\s*=\s*union\(\[approverRoleGuid\],\s*customApproverRoleGuids\)\s*$", RegexOptions.Multiline))
        {
            problems.Add("the assignable roles are not exactly the approver role plus the pre-created custom approver roles");
        }
        if (!Regex.IsMatch(code, @"replace\(abacConditionTemplate,\s*'__ASSIGNABLE_ROLE_GUIDS__'")) problems.Add("the ABAC template placeholder is never replaced");
        return problems;
    }
}
