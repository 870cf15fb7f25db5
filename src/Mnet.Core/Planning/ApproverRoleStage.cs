using Mnet.Core.Catalog;

namespace Mnet.Core.Planning;

/// <summary>
/// Private endpoint approval is not automatic (since 30 April 2025): the workspace identity needs the built-in
/// approver role, or a scoped custom role for types the role does not cover, on every private-endpoint target that is
/// not one of the workspace's default resources.
/// </summary>
internal static class ApproverRoleStage
{
    public static PartialPlan Plan(ApproverRolesInput input)
    {
        var output = new PartialPlan();
        if (input.Targets.Count == 0) return output;
        var defaults = WorkspaceFacts.DefaultResourceIds(input.Workspace);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = input.Targets
            .Where(t => !defaults.Contains(t.ServiceResourceId) && seen.Add(t.ServiceResourceId))
            .ToList();
        if (targets.Count == 0) return output;

        if (!input.Settings.Assign)
        {
            output.Warnings.Add(new PlanWarning(
                "approver-roles-manual",
                $"approver_roles.assign is off: grant \"{ApproverRoles.BuiltIn.Name}\" to the workspace identity on " +
                $"{string.Join(", ", targets.Select(t => t.ServiceResourceId))}, or approve those private endpoint connections by hand."));
            return output;
        }

        var principals = WorkspaceFacts.IdentityPrincipalIds(input.Workspace);
        if (principals.Count == 0)
        {
            output.Warnings.Add(new PlanWarning(
                "workspace-identity-unknown",
                "The workspace identity has no principal id in the state read; approver roles cannot be planned until it is known."));
            return output;
        }
        var identityTenant = input.Workspace.Identity?.TenantId;
        if (!string.IsNullOrEmpty(input.TenantId) && !string.IsNullOrEmpty(identityTenant) &&
            !string.Equals(identityTenant, input.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            output.Warnings.Add(new PlanWarning(
                "identity-other-tenant",
                $"The workspace identity belongs to tenant {identityTenant}, not {input.TenantId}: private endpoint targets must be in the same tenant."));
        }
        var allowedSubs = input.SubscriptionsInScope?.Select(s => s.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var configured = ConfiguredRoles(input.CustomApproverRoles);

        var assignments = new List<ApproverAssignment>();
        foreach (var target in targets)
        {
            // The app never writes outside its configured subscriptions (MNET_SUBSCRIPTIONS): no assignment there.
            var sub = ResourceIdCache.SubscriptionOf(target.ServiceResourceId);
            if (allowedSubs is not null && (sub is null || !allowedSubs.Contains(sub)))
            {
                output.Warnings.Add(new PlanWarning(
                    "target-outside-subscriptions",
                    $"Refused: no approver role is assigned on {target.ServiceResourceId} (subscription {sub ?? "(none)"}), " +
                    "which is outside the subscriptions the app is configured for; grant the role there by hand or approve the connection manually.")
                {
                    Level = PlanWarningLevel.Refusal,
                });
                continue;
            }
            var resourceType = ResourceIdCache.TryParse(target.ServiceResourceId)?.ResourceType ?? "unknown";
            var known = PrivateEndpointTargets.Find(resourceType);
            ApproverRole role;
            if (known?.ApproverRoleCovers == true)
            {
                role = new BuiltinApproverRole(ApproverRoles.BuiltIn.Name, ApproverRoles.BuiltIn.RoleDefinitionGuid);
            }
            else if (input.Settings.CustomRoleForUncoveredTypes)
            {
                role = new CustomApproverRole(
                    ApproverRoles.CustomApproverRoleName(resourceType),
                    ApproverRoles.CustomApproverRoleActions(resourceType));
            }
            else
            {
                output.Warnings.Add(new PlanWarning(
                    "approver-role-uncovered",
                    $"\"{ApproverRoles.BuiltIn.Name}\" does not cover {resourceType} ({target.ServiceResourceId}) and " +
                    "approver_roles.custom_role_for_uncovered_types is off: approve that connection by hand."));
                continue;
            }
            foreach (var principalId in principals)
            {
                var assignment = new ApproverAssignment(target.ServiceResourceId, resourceType, principalId, role);
                if (!AlreadyAssigned(input.Existing, assignment, configured)) assignments.Add(assignment);
            }
        }
        if (assignments.Count == 0) return output;

        var scopes = assignments.Select(a => a.Scope).Distinct(StringComparer.Ordinal).Select(ArmRules.ShortResourceName);
        output.Steps.Add(new AssignApproverRolesStep
        {
            Id = StepKinds.StepId(StepKind.AssignApproverRoles),
            Target = input.Workspace.Id,
            Reason = $"the workspace identity must be able to approve private endpoint connections on {string.Join(", ", scopes)}",
            Flags = StepFlags.None,
            Params = new AssignApproverRolesParams(assignments),
        });
        return output;
    }

    /// <summary>Lower-cased type -> GUID of the pre-created custom approver roles.</summary>
    private static Dictionary<string, string?> ConfiguredRoles(IReadOnlyDictionary<string, string>? roles)
    {
        var map = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, id) in roles ?? new Dictionary<string, string>()) map[type] = RoleNames.TryRoleDefinitionGuid(id);
        return map;
    }

    /// <summary>
    /// GUIDs of the roles that count as the one the plan would assign: the built-in role; for a custom role, the
    /// product's role defined at the target and the pre-created role configured for the type.
    /// </summary>
    private static List<string> AcceptedRoleGuids(ApproverAssignment a, Dictionary<string, string?> configured)
    {
        if (a.Role is BuiltinApproverRole builtin) return [builtin.RoleDefinitionGuid.ToLowerInvariant()];
        var guids = new List<string> { RoleNames.CustomApproverRoleGuid(a.Role.Name, a.Scope) };
        if (configured.TryGetValue(a.TargetResourceType, out var preCreated) && !string.IsNullOrEmpty(preCreated)) guids.Add(preCreated);
        return guids;
    }

    private static bool AlreadyAssigned(
        IReadOnlyList<ExistingRoleAssignment>? existing,
        ApproverAssignment a,
        Dictionary<string, string?> configured)
    {
        if (existing is null) return false;
        var guids = AcceptedRoleGuids(a, configured);
        return existing.Any(e =>
            string.Equals(e.PrincipalId, a.PrincipalId, StringComparison.OrdinalIgnoreCase) &&
            RoleNames.TryRoleDefinitionGuid(e.RoleDefinitionId) is { } guid && guids.Contains(guid) &&
            ScopeCovers(e.Scope, a.Scope));
    }

    /// <summary>An assignment at the target or at a parent scope (its resource group, its subscription) covers the target.</summary>
    private static bool ScopeCovers(string assignmentScope, string target)
    {
        var s = RoleNames.NormalizeScope(assignmentScope);
        var t = RoleNames.NormalizeScope(target);
        return s.Length > 0 && (t == s || t.StartsWith($"{s}/", StringComparison.Ordinal));
    }
}
