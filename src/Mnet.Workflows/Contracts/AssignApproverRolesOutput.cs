namespace Mnet.Workflows.Contracts;

public sealed record AssignApproverRolesOutput
{
    public required string WorkspaceId { get; init; }
    public IReadOnlyList<AssignedRole> Assigned { get; init; } = [];
    public IReadOnlyList<CustomRoleUsed> CustomRoles { get; init; } = [];
    /// <summary>Private endpoint rules to the targets, with the status last read.</summary>
    public IReadOnlyList<RuleActivation> Rules { get; init; } = [];
    /// <summary>Every such rule was seen Active (always false when ConfirmActive was false).</summary>
    public bool Confirmed { get; init; }
    /// <summary>Confirmation was pointless: the managed network is not provisioned yet (rules turn Active once it is).</summary>
    public bool Deferred { get; init; }
}
