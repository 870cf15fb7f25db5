namespace Mnet.Core.Policy;

public sealed record PolicyApproverRoles
{
    public bool Assign { get; init; } = true;
    /// <summary>Use a pre-created custom role for target types the built-in approver role does not cover.</summary>
    public bool CustomRoleForUncoveredTypes { get; init; } = true;
}
