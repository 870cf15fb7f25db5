using Mnet.Core.Catalog;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// Private endpoint approval is not automatic since 30 April 2025, and not only the workspace identity needs the
/// permission to approve the connection on the target: so does the identity that initiates the private endpoint, the
/// app's own, which writes the outbound rule. Given the app's permissions as read on each target, a rule the plan adds
/// or changes whose target the app may not approve is refused up front, naming the role to grant: written anyway, the
/// rule would never become Active. The workspace's default resources are covered by its creation.
/// </summary>
internal static class InitiatorApprovalCheck
{
    public static PartialPlan Check(Workspace workspace, IReadOnlyList<PrivateEndpointDestination> newTargets, IReadOnlyList<ScopePermissions>? permissions)
    {
        var output = new PartialPlan();
        if (permissions is null || newTargets.Count == 0) return output;
        var defaults = WorkspaceFacts.DefaultResourceIds(workspace);
        var byScope = new Dictionary<string, ScopePermissions>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in permissions) byScope.TryAdd(RoleNames.NormalizeScope(p.Scope), p);

        var missing = new List<string>();
        var unknown = new List<string>();
        foreach (string target in newTargets.Select(t => t.ServiceResourceId).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (defaults.Contains(target)) continue;
            string type = ResourceIdCache.TryParse(target)?.ResourceType ?? "unknown";
            string action = ApproverRoles.ApprovalAction(type);
            if (!byScope.TryGetValue(RoleNames.NormalizeScope(target), out var read))
            {
                unknown.Add(target);
                continue;
            }

            if (!PermissionMatch.Grants(read.Permissions, action)) missing.Add($"{target} ({action} not granted; grant {RoleToGrant(type)})");
        }

        if (unknown.Count > 0)
        {
            output.Warnings.Add(new PlanWarning(
                "initiator-permissions-unknown",
                $"The app's own permissions could not be read on {string.Join(", ", unknown)}: if it may not approve private endpoint " +
                "connections there, those rules will not become Active."));
        }

        if (missing.Count > 0)
        {
            output.Refused = new PlanRefusal(
                "initiator-cannot-approve",
                "The app's identity initiates the private endpoints (it writes the outbound rules) and, since 30 April 2025, needs the " +
                $"permission to approve their connections on the target too. It does not have it on: {string.Join("; ", missing)}. " +
                "Grant the role to the app's identity on each target, then retry.");
        }

        return output;
    }

    /// <summary>The built-in approver role where it covers the type, else the product's scoped custom role.</summary>
    private static string RoleToGrant(string resourceType) =>
        PrivateEndpointTargets.Find(resourceType)?.ApproverRoleCovers == true
            ? $"\"{ApproverRoles.BuiltIn.Name}\""
            : $"a custom role with {ApproverRoles.ApprovalAction(resourceType)}, such as \"{ApproverRoles.CustomApproverRoleName(resourceType)}\"";
}
