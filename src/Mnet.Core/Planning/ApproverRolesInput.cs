using Mnet.Core.Policy;
using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <param name="Existing">Assignments already present; null = not read.</param>
/// <param name="CustomApproverRoles">Resource type -> GUID (or id) of the pre-created custom approver role for that type.</param>
internal sealed record ApproverRolesInput(
    Workspace Workspace,
    IReadOnlyList<PrivateEndpointDestination> Targets,
    PolicyApproverRoles Settings,
    IReadOnlyList<ExistingRoleAssignment>? Existing,
    IReadOnlyList<string>? SubscriptionsInScope,
    string? TenantId,
    IReadOnlyDictionary<string, string>? CustomApproverRoles);
