namespace Mnet.Core.Planning;

/// <summary>The built-in approver role (catalog), identified by its role definition GUID.</summary>
public sealed record BuiltinApproverRole(string Name, string RoleDefinitionGuid) : ApproverRole(Name);
