namespace Mnet.Arm.Models;

/// <summary>A grant to make: its name is derived from (scope, principal, role), so a retry is a no-op.</summary>
public sealed record RoleAssignmentInput
{
    public required string Scope { get; init; }
    public required string PrincipalId { get; init; }
    /// <summary>A role GUID or a full roleDefinitions id.</summary>
    public required string RoleDefinitionId { get; init; }
    /// <summary>ServicePrincipal (default), User or Group.</summary>
    public string? PrincipalType { get; init; }
    public string? Description { get; init; }
    public string? Condition { get; init; }
    /// <summary>Default "2.0" when a condition is given.</summary>
    public string? ConditionVersion { get; init; }
}
