namespace Mnet.Workflows.Contracts;

/// <param name="Created">False when it already existed (a retry, or an earlier run).</param>
public sealed record AssignedRole(string Scope, string PrincipalId, string RoleDefinitionId, string AssignmentName, bool Created);
