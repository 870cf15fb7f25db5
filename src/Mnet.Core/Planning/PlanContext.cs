namespace Mnet.Core.Planning;

/// <summary>What the planner may know beyond the workspace; nothing here needs I/O: callers pass what they know.</summary>
public record PlanContext
{
    /// <summary>Callers pass the time so that results are reproducible (the planner never reads a clock).</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Subscriptions the app may act on; a workspace elsewhere is refused. Null: no fence.</summary>
    public IReadOnlyList<string>? SubscriptionsInScope { get; init; }

    /// <summary>Tenant the app runs in; a workspace identity from another tenant is warned about.</summary>
    public string? TenantId { get; init; }

    /// <summary>
    /// Custom approver roles pre-created for uncovered target types (MNET_CUSTOM_APPROVER_ROLES): resource type ->
    /// role definition GUID or id. An assignment of one of these on a target of that type counts as present.
    /// </summary>
    public IReadOnlyDictionary<string, string>? CustomApproverRoles { get; init; }
}
