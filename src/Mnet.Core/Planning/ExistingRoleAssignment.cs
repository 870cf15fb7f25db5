namespace Mnet.Core.Planning;

/// <summary>A role assignment already present (as far as the caller knows).</summary>
public sealed record ExistingRoleAssignment(string Scope, string PrincipalId, string RoleDefinitionId);
