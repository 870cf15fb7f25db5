using Microsoft.Extensions.Logging;
using Mnet.Arm;
using Mnet.Arm.Errors;
using Mnet.Arm.Models;
using Mnet.Workflows.Contracts;
using Mnet.Workflows.Durable;
using ArmRoleNames = Mnet.Arm.Roles.RoleNames;

namespace Mnet.Workflows.Activities.Roles;

/// <summary>
/// One approver role assignment under a deterministic name, read before written: a retried grant finds its
/// assignment and writes nothing.
/// </summary>
public sealed class AssignApproverRoleActivity(IArmClient arm, ILogger<AssignApproverRoleActivity> log) : IWorkflowActivity<AssignApproverRoleInput, AssignedRole>
{
    public async Task<AssignedRole> RunAsync(AssignApproverRoleInput input)
    {
        string roleDefinitionId = ArmRoleNames.RoleDefinitionResourceId(input.Scope, input.RoleDefinitionId);
        string name = ArmRoleNames.RoleAssignmentName(input.Scope, input.PrincipalId, roleDefinitionId);
        var existing = await arm.GetRoleAssignmentAsync(input.Scope, name).NotFoundAsNullAsync();
        if (existing is not null) return new AssignedRole(input.Scope, input.PrincipalId, roleDefinitionId, name, false);
        var result = await arm.PutRoleAssignmentAsync(new RoleAssignmentInput
        {
            Scope = input.Scope,
            PrincipalId = input.PrincipalId,
            RoleDefinitionId = roleDefinitionId,
            PrincipalType = "ServicePrincipal",
            Description = $"Private endpoint connection approval for workspace {input.WorkspaceId} (mnet-autopilot)",
        });
        log.LogInformation("approver role assigned to {PrincipalId} on {Scope}", input.PrincipalId, input.Scope);
        return new AssignedRole(input.Scope, input.PrincipalId, roleDefinitionId, result.Name, result.Created);
    }
}
