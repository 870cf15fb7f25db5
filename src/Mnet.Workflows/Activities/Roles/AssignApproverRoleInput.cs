namespace Mnet.Workflows.Activities.Roles;

/// <param name="RoleDefinitionId">A role GUID or a full role definition id.</param>
public sealed record AssignApproverRoleInput(string Scope, string PrincipalId, string RoleDefinitionId, string WorkspaceId);
