namespace Mnet.Arm.Models;

/// <summary>A custom role; its name is derived from (scope, role name), so re-running updates the same definition.</summary>
public sealed record RoleDefinitionInput
{
    /// <summary>Where the definition lives (usually the subscription).</summary>
    public required string Scope { get; init; }
    public required string RoleName { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<string> Actions { get; init; }
    public IReadOnlyList<string>? NotActions { get; init; }
    /// <summary>Defaults to [Scope].</summary>
    public IReadOnlyList<string>? AssignableScopes { get; init; }
}
