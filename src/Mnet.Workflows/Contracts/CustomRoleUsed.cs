namespace Mnet.Workflows.Contracts;

public sealed record CustomRoleUsed(string ResourceType, string Scope, string RoleDefinitionId);
