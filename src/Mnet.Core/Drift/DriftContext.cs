using Mnet.Core.Planning;

namespace Mnet.Core.Drift;

/// <summary>What a drift evaluation knows beyond the workspaces: the time (required: a pure module reads no clock).</summary>
public sealed record DriftContext
{
    /// <summary>Time of the evaluation.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Timestamp of the report; defaults to <see cref="Now"/>.</summary>
    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Subscriptions the app may act on; workspaces elsewhere are skipped. Null: no fence.</summary>
    public IReadOnlyList<string>? SubscriptionsInScope { get; init; }

    /// <summary>Tenant the app runs in (see <see cref="PlanContext.TenantId"/>).</summary>
    public string? TenantId { get; init; }

    /// <summary>Pre-created custom approver roles (see <see cref="PlanContext.CustomApproverRoles"/>).</summary>
    public IReadOnlyDictionary<string, string>? CustomApproverRoles { get; init; }

    /// <summary>The context each workspace's plan gets.</summary>
    public PlanContext ToPlanContext() => new()
    {
        Now = Now,
        SubscriptionsInScope = SubscriptionsInScope,
        TenantId = TenantId,
        CustomApproverRoles = CustomApproverRoles,
    };
}
