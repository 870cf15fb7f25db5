namespace Mnet.Workflows.Activities.State;

/// <param name="Computes">Read computes and online endpoints (with deployments) too.</param>
/// <param name="RoleAssignments">Read the approver role assignments on the private endpoint targets too.</param>
/// <param name="Policy">
/// When given, the app's own permissions are read on every private endpoint target the policy wants (the initiator
/// of a private endpoint needs the approval permission too).
/// </param>
public sealed record ReadWorkspaceStateInput(
    string WorkspaceId,
    bool Computes,
    bool RoleAssignments,
    Core.Policy.Policy? Policy = null);
