namespace Mnet.Workflows.Activities.Roles;

/// <param name="TargetScope">The private endpoint target: the role is assigned there (and, when defined on the fly, defined there).</param>
public sealed record ResolveCustomApproverRoleInput(string TargetScope, string ResourceType, string RoleName, IReadOnlyList<string> Actions);
