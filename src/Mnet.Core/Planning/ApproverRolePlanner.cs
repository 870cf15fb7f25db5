using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// The approver role stage on its own, for callers outside a full plan (the role assignment orchestration computes
/// the assignments of a workspace whose rules it reads itself). Same decisions as <see cref="Planner"/>.
/// </summary>
public static class ApproverRolePlanner
{
    /// <param name="existing">Assignments already present; null = not read (everything is planned).</param>
    public static ApproverRolePlan Plan(
        Workspace workspace,
        IReadOnlyList<PrivateEndpointDestination> targets,
        PolicyApproverRoles settings,
        IReadOnlyList<string>? subscriptionsInScope = null,
        IReadOnlyDictionary<string, string>? customApproverRoles = null,
        string? tenantId = null,
        IReadOnlyList<ExistingRoleAssignment>? existing = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(settings);
        var partial = ApproverRoleStage.Plan(new ApproverRolesInput(
            workspace, targets, settings, existing, subscriptionsInScope, tenantId, customApproverRoles));
        var assignments = partial.Steps.OfType<AssignApproverRolesStep>().SelectMany(s => s.Params.Assignments).ToList();
        return new ApproverRolePlan(assignments, partial.Warnings);
    }
}
