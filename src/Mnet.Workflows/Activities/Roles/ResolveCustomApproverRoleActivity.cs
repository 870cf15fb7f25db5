using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Arm.Models;
using Mnet.Core.Catalog;
using Mnet.Workflows.Durable;
using ArmRoleNames = Mnet.Arm.Roles.RoleNames;
using CoreRoleNames = Mnet.Core.Planning.RoleNames;

namespace Mnet.Workflows.Activities.Roles;

/// <summary>
/// The custom approver role to assign on a target whose type the built-in approver role does not cover:
/// 1. the role infra pre-created for the type (MNET_CUSTOM_APPROVER_ROLES): verified with a GET, never written;
/// 2. else, only when role definition writes are allowed (the CLI with an operator's credentials, local runs):
///    defined at the target;
/// 3. else refused with CustomApproverRoleNotConfigured.
/// </summary>
public sealed class ResolveCustomApproverRoleActivity(IArmClient arm, WorkflowSettings settings, ILogger<ResolveCustomApproverRoleActivity> log)
    : IWorkflowActivity<ResolveCustomApproverRoleInput, ResolveCustomApproverRoleOutput>
{
    public async Task<ResolveCustomApproverRoleOutput> RunAsync(ResolveCustomApproverRoleInput input)
    {
        string? guid = ConfiguredGuid(input.ResourceType);
        if (guid is not null) return await UseConfiguredAsync(input, guid);
        if (settings.AllowRoleDefinitionWrites) return await DefineAsync(input);
        return ResolveCustomApproverRoleOutput.Refused(
            CustomApproverRoleErrors.NotConfigured,
            $"no custom approver role is configured for {input.ResourceType}: deploy infra (it creates the role) or set MNET_CUSTOM_APPROVER_ROLES");
    }

    string? ConfiguredGuid(string resourceType) =>
        settings.CustomApproverRoles?
            .FirstOrDefault(p => string.Equals(p.Key, resourceType, StringComparison.OrdinalIgnoreCase))
            .Value is { Length: > 0 } id
            ? CoreRoleNames.TryRoleDefinitionGuid(id) ?? id
            : null;

    /// <summary>The infra-created role: it must exist where it is assigned and grant the type's approval action.</summary>
    async Task<ResolveCustomApproverRoleOutput> UseConfiguredAsync(ResolveCustomApproverRoleInput input, string guid)
    {
        string roleDefinitionId = ArmRoleNames.RoleDefinitionResourceId(input.TargetScope, guid);
        var existing = await arm.GetRoleDefinitionAsync(input.TargetScope, guid).NotFoundAsNullAsync();
        if (existing is null)
        {
            return ResolveCustomApproverRoleOutput.Refused(CustomApproverRoleErrors.Missing,
                $"the custom approver role {guid} configured for {input.ResourceType} (MNET_CUSTOM_APPROVER_ROLES) does not exist at {input.TargetScope}: " +
                "deploy infra (it creates the role, assignable in every governed subscription)");
        }

        string needed = ApproverRoles.ApprovalAction(input.ResourceType);
        bool grants = existing.Properties.Permissions.SelectMany(p => p.Actions)
            .Any(a => string.Equals(a, needed, StringComparison.OrdinalIgnoreCase));
        if (!grants)
        {
            return ResolveCustomApproverRoleOutput.Refused(CustomApproverRoleErrors.Mismatch,
                $"the custom approver role {guid} configured for {input.ResourceType} does not grant {needed}: check MNET_CUSTOM_APPROVER_ROLES against the roles infra created");
        }

        return ResolveCustomApproverRoleOutput.Resolved(roleDefinitionId, false, RoleSource.Configured);
    }

    /// <summary>Operator / local runs only: define (or repair) the product's custom role at the target.</summary>
    async Task<ResolveCustomApproverRoleOutput> DefineAsync(ResolveCustomApproverRoleInput input)
    {
        string roleName = CoreRoleNames.CustomRoleNameForTarget(input.RoleName, input.TargetScope);
        string guid = ArmRoleNames.RoleDefinitionName(input.TargetScope, roleName);
        string roleDefinitionId = ArmRoleNames.RoleDefinitionResourceId(input.TargetScope, guid);
        var existing = await arm.GetRoleDefinitionAsync(input.TargetScope, guid).NotFoundAsNullAsync();
        string wanted = Canonical(input.Actions);
        if (existing is not null && Canonical(existing.Properties.Permissions.SelectMany(p => p.Actions)) == wanted)
        {
            return ResolveCustomApproverRoleOutput.Resolved(roleDefinitionId, false, RoleSource.Defined);
        }

        await arm.PutRoleDefinitionAsync(new RoleDefinitionInput
        {
            Scope = input.TargetScope,
            RoleName = roleName,
            Description = $"Lets an Azure Machine Learning workspace identity approve private endpoint connections on {input.ResourceType} (mnet-autopilot).",
            Actions = input.Actions,
            AssignableScopes = [input.TargetScope],
        });
        log.LogInformation("custom approver role {RoleName} defined on {Scope}", roleName, input.TargetScope);
        return ResolveCustomApproverRoleOutput.Resolved(roleDefinitionId, existing is null, RoleSource.Defined);
    }

    static string Canonical(IEnumerable<string> actions) =>
        string.Join('|', actions.Select(a => a.ToLowerInvariant()).Order(StringComparer.Ordinal));
}
