using Mnet.Core.Resources;

namespace Mnet.Core.Planning;

/// <summary>
/// What the planner knows about one workspace. Optional lists left null mean "not read" (unknown), which is different
/// from an empty list ("read, none"): a Resource Graph row has no computes, for example.
/// </summary>
public sealed record WorkspaceState
{
    public required Workspace Workspace { get; init; }

    /// <summary>When the rules were listed separately instead of inline in properties.managedNetwork.outboundRules.</summary>
    public IReadOnlyDictionary<string, OutboundRule>? OutboundRules { get; init; }

    public IReadOnlyList<ComputeResource>? Computes { get; init; }

    public IReadOnlyList<OnlineEndpointState>? OnlineEndpoints { get; init; }

    /// <summary>Approver role assignments already present, when known.</summary>
    public IReadOnlyList<ExistingRoleAssignment>? RoleAssignments { get; init; }

    /// <summary>For a Project: its hub, when known.</summary>
    public Workspace? Hub { get; init; }

    /// <summary>Documented prerequisites, when read; null = not checked (the plan then only warns).</summary>
    public WorkspacePrerequisites? Prerequisites { get; init; }

    /// <summary>
    /// The app's own permissions (the identity that writes outbound rules and so initiates the private endpoints) on
    /// each private endpoint target it read them for; null = not read (no check). Since 30 April 2025 the initiator
    /// needs the approval permission on the target too, not only the workspace identity.
    /// </summary>
    public IReadOnlyList<ScopePermissions>? InitiatorPermissions { get; init; }
}
