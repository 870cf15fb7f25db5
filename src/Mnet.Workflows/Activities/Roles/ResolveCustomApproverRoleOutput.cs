using Mnet.Workflows.Contracts;

namespace Mnet.Workflows.Activities.Roles;

/// <summary>
/// The role to assign, or a refusal. A refusal comes back as a value, not a throw, so the retry policy does not
/// retry a configuration problem; ARM failures still throw (and are retried).
/// </summary>
/// <param name="Created">True when this call defined the role.</param>
public sealed record ResolveCustomApproverRoleOutput(
    string? RoleDefinitionId,
    bool Created,
    RoleSource? Source,
    OrchestrationError? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static ResolveCustomApproverRoleOutput Resolved(string roleDefinitionId, bool created, RoleSource source) =>
        new(roleDefinitionId, created, source, null);

    public static ResolveCustomApproverRoleOutput Refused(string code, string message) =>
        new(null, false, null, new OrchestrationError(code, message));
}
